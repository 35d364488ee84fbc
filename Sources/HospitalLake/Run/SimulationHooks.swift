import HospitalCore

/// Where a run may wait between its steps. `hospital simulate` waits nowhere; the scheduler
/// service waits for the producer and the ingestor, paces itself and stops on SIGTERM.
/// Each returns false to stop the run there. Hooks only wait: they never change what is
/// written, so a run with hooks writes the same bytes as one without.
public protocol SimulationHooks {
    /// Before anything of `date` is written (the state already names it as the day in progress).
    func beforeDay(_ date: SimDate) -> Bool
    /// After a session's outbox files and their flags are durable.
    func afterSession(_ date: SimDate, session: Int) -> Bool
    /// After every file of `date` is flagged, before the state moves past it; `outbox` names
    /// the day's files the producer publishes. Stopping here leaves the state on `date`, so a
    /// restart replays the day from its flags and waits again.
    func beforeAdvance(past date: SimDate, outbox: [String]) -> Bool
    /// After the state has moved past `date`.
    func afterDay(_ date: SimDate) -> Bool
}

extension SimulationHooks {
    public func beforeDay(_ date: SimDate) -> Bool { true }
    public func afterSession(_ date: SimDate, session: Int) -> Bool { true }
    public func beforeAdvance(past date: SimDate, outbox: [String]) -> Bool { true }
    public func afterDay(_ date: SimDate) -> Bool { true }
}

/// The offline run's hooks: never waits, never stops.
public struct NoSimulationHooks: SimulationHooks {
    public init() {}
}
