/// Beds in use, carried from day to day: for each unit, when each current occupant takes
/// their bed and when they leave it. Outpatient places are per day and start empty each morning.
public struct WardState: Sendable, Equatable {
    /// A bed from the minute its patient takes it (the admission, after triage) to the discharge.
    public struct Bed: Sendable, Equatable {
        public let from: SimMinute
        public let until: SimMinute
    }

    public private(set) var beds: [[Bed]]

    public init(units: Int) { beds = .init(repeating: [], count: units) }

    /// Forgets the beds whose occupants left by `time`. Only for a time no later admission
    /// can precede (the start of a day): a patient triaged past midnight takes a bed after
    /// the next day's first admissions, so freeing by each admission's own time would free
    /// beds still in use a few minutes earlier.
    public mutating func release(unit: Int, by time: SimMinute) {
        beds[unit].removeAll { $0.until <= time }
    }

    /// Beds held at `time` or later: occupants not yet gone by then, and those who take a bed
    /// later (a previous day's patient triaged past midnight), so a bed given at `time` is free
    /// at every minute from `time` to its discharge.
    public func occupied(_ unit: Int, at time: SimMinute) -> Int { beds[unit].count { $0.until > time } }

    public mutating func occupy(unit: Int, from admission: SimMinute, until discharge: SimMinute) {
        beds[unit].append(Bed(from: admission, until: discharge))
    }

    /// The beds held at the midnight that ends `date` (docs/lake.md §Daily summary): taken at
    /// or before it and not yet given up. A patient who arrived on `date` and is admitted
    /// after midnight holds no bed yet.
    public func occupied(_ unit: Int, atEndOf date: SimDate) -> Int {
        let midnight = SimMinute(date: date.adding(days: 1), minuteOfDay: 0)
        return beds[unit].count { $0.from <= midnight && $0.until > midnight }
    }
}
