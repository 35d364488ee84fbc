import HospitalCore

/// Drives a run through the lake: setup, then each day from the state's current date,
/// saving the state after every day. `hospital simulate` and the scheduler service both
/// go through here, so both write the same bytes.
public final class Simulation {
    public struct Progress: Sendable {
        public let date: SimDate
        public let ordinal: Int
        public let total: Int
        public let rows: Int
    }

    public enum Outcome: Equatable, Sendable {
        case complete
        case stopped(next: SimDate)
    }

    public let world: HospitalWorld
    public let layout: LakeLayout
    let writer: LakeWriter
    private var engine: DayEngine
    private let days: DayWriter

    public init(world: HospitalWorld, layout: LakeLayout) {
        self.world = world
        self.layout = layout
        writer = LakeWriter(layout: layout)
        engine = DayEngine(world: world)
        days = DayWriter(world: world, writer: writer, capacity: engine.capacity)
    }

    /// Checks that the lake's state belongs to this run and can be trusted (`ResumeCheck`), and
    /// returns the day to resume at (nil when complete).
    public func resumeDate() throws -> SimDate? {
        guard let state = try SchedulerState.load(from: layout) else { return world.calendar.start }
        if let problem = ResumeCheck(world: world, layout: layout, sessions: days.sessions).problem(state) {
            throw LakeError.refusedState(path: layout.state, reason: problem)
        }
        return state.status == .complete ? nil : state.currentDate
    }

    /// Runs until the calendar ends, `until` is done, `shouldStop` says so between days, or a
    /// hook stops it between steps.
    public func run(
        until: SimDate? = nil, shouldStop: () -> Bool = { false }, hooks: any SimulationHooks = NoSimulationHooks(),
        progress: (Progress) -> Void = { _ in }, setupProgress: (String) -> Void = { _ in }
    ) throws -> Outcome {
        try LakeFolders.create(layout)
        let lock = try LakeLock(layout)
        defer { withExtendedLifetime(lock) {} }
        guard let resume = try resumeDate() else { return .complete }
        try SetupWriter(world: world, writer: writer).run(progress: setupProgress)
        let calendar = world.calendar
        let last = min(until ?? calendar.end, calendar.end)
        var rows = 0
        for date in calendar.dates {
            let day = engine.run(date)
            guard date >= resume else { continue }
            if date > last || shouldStop() { return .stopped(next: date) }
            try save(date, status: .running)
            guard hooks.beforeDay(date) else { return .stopped(next: date) }
            try days.writeVisitors(day)
            for session in days.sessions {
                try days.writeSession(day, session: session)
                guard hooks.afterSession(date, session: session) else { return .stopped(next: date) }
            }
            try days.writeAdmissions(day)
            guard hooks.beforeAdvance(past: date, outbox: days.outbox(for: date)) else { return .stopped(next: date) }
            rows += day.visits.count * 2 + day.transfersOfPreviousDay.count + day.admissions.count
            let complete = date == calendar.end
            try save(complete ? date : date.adding(days: 1), status: complete ? .complete : .running)
            progress(Progress(date: date, ordinal: calendar.ordinal(of: date), total: calendar.dayCount, rows: rows))
            guard hooks.afterDay(date) else { return complete ? .complete : .stopped(next: date.adding(days: 1)) }
        }
        return .complete
    }

    private func save(_ date: SimDate, status: SchedulerState.Status) throws {
        let state = SchedulerState(world: world, date: date, status: status)
        if let current = try? SchedulerState.load(from: layout), current == state { return }
        try state.save(to: layout)
    }
}
