/// `hospital_shift_config.json`, the course's file, with its keys.
public struct ShiftConfig: Decodable, Sendable {
    public struct Rules: Decodable, Sendable {
        public let minimumSeniorPerShift: Int
        public let maxShiftsPerWeek: Int
        enum CodingKeys: String, CodingKey {
            case minimumSeniorPerShift = "minimum_senior_per_shift"
            case maxShiftsPerWeek = "max_shifts_per_week"
        }
    }

    public struct Definition: Decodable, Sendable {
        public let start: String
        public let hours: Int
        public let reserveHours: Int
        enum CodingKeys: String, CodingKey {
            case start, hours
            case reserveHours = "reserve_hours"
        }
    }

    public struct CycleDay: Decodable, Sendable {
        public let shift: String
        public let workDay: Bool
        enum CodingKeys: String, CodingKey {
            case shift
            case workDay = "work_day"
        }
    }

    public let departments: [String]
    public let rules: Rules
    /// Looked up by name only; never iterated into output.
    public let shiftDefinitions: [String: Definition]
    public let cycle: [CycleDay]

    enum CodingKeys: String, CodingKey {
        case departments, rules
        case shiftDefinitions = "shift_definitions"
        case cycle = "medical_shift_daily_cycle"
    }
}
