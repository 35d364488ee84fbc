/// Who works where on each day of the calendar, for every member on the roster that day.
public struct ScheduleBook: Sendable {
    public enum Assignment: UInt8, Sendable {
        /// As the 21-day cycle says.
        case cycle
        /// A cycle work day turned into rest: the member already had the weekly maximum.
        case restRule
        /// A senior lent for the day to a department that had none at work.
        case deployed
        /// An off-duty senior called in for a department that had none at work.
        case calledIn
        /// Stood down: no senior could be found for the department that day.
        case stoodDown
        /// A cycle work day turned into rest: it began less than 11 h after the last shift ended.
        case restGap

        public var text: String {
            switch self {
            case .cycle: return "cycle"
            case .restRule: return "weekly_limit_rest"
            case .deployed: return "deployed"
            case .calledIn: return "called_in"
            case .stoodDown: return "stood_down"
            case .restGap: return "rest_11h"
            }
        }
    }

    public struct Entry: Sendable {
        public let serial: Int32
        public internal(set) var department: UInt8
        public internal(set) var shift: UInt8
        public internal(set) var onDuty: Bool
        public internal(set) var assignment: Assignment
        /// A senior doctor or nurse: the ones who count as a department's senior cover.
        public let senior: Bool
    }

    public let start: SimDate
    /// Shift names by index: the cycle's shift types, then the rest-rule and stood-down markers.
    public let shiftNames: [String]
    public let days: [[Entry]]

    public func entries(on date: SimDate) -> [Entry] { days[date.dayNumber - start.dayNumber] }
}
