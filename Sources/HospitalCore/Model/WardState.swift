/// Beds in use, carried from day to day: for each unit, the discharge times of its current
/// occupants. Outpatient places are per day and start empty each morning.
public struct WardState: Sendable, Equatable {
    public private(set) var discharges: [[SimMinute]]

    public init(units: Int) { discharges = .init(repeating: [], count: units) }

    /// Frees the beds whose occupants left by `time`.
    public mutating func release(unit: Int, by time: SimMinute) {
        discharges[unit].removeAll { $0 <= time }
    }

    public func occupied(_ unit: Int) -> Int { discharges[unit].count }

    public mutating func occupy(unit: Int, until discharge: SimMinute) { discharges[unit].append(discharge) }

    /// Beds still occupied at the end of `date`.
    public func occupied(_ unit: Int, atEndOf date: SimDate) -> Int {
        let midnight = SimMinute(date: date.adding(days: 1), minuteOfDay: 0)
        return discharges[unit].filter { $0 > midnight }.count
    }
}
