/// Beds in use, carried from day to day: for each unit, the discharge times of its current
/// occupants. Outpatient places are per day and start empty each morning.
public struct WardState: Sendable, Equatable {
    public private(set) var discharges: [[SimMinute]]

    public init(units: Int) { discharges = .init(repeating: [], count: units) }

    /// Forgets the beds whose occupants left by `time`. Only for a time no later admission
    /// can precede (the start of a day): a patient triaged past midnight takes a bed after
    /// the next day's first admissions, so freeing by each admission's own time would free
    /// beds still in use a few minutes earlier.
    public mutating func release(unit: Int, by time: SimMinute) {
        discharges[unit].removeAll { $0 <= time }
    }

    /// Beds held at `time` or later: occupants not yet gone by then, and those who take a bed
    /// later (a previous day's patient triaged past midnight), so a bed given at `time` is free
    /// at every minute from `time` to its discharge.
    public func occupied(_ unit: Int, at time: SimMinute) -> Int { discharges[unit].count { $0 > time } }

    public mutating func occupy(unit: Int, until discharge: SimMinute) { discharges[unit].append(discharge) }

    /// Beds still occupied at the end of `date`.
    public func occupied(_ unit: Int, atEndOf date: SimDate) -> Int {
        let midnight = SimMinute(date: date.adding(days: 1), minuteOfDay: 0)
        return discharges[unit].filter { $0 > midnight }.count
    }
}
