/// `hospital_shift_config.json` read as the course ships it, with its keys and descriptions; the
/// order the project runs its cycle in is ours and lives in `workforce.json`
/// (docs/domain-model.md §Departures from the course's model).
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
        public let description: String
        enum CodingKeys: String, CodingKey {
            case start = "start_time"
            case hours = "duration_hours"
            case reserveHours = "reserve_hours"
            case description
        }
    }

    public struct CycleDay: Decodable, Sendable, Equatable {
        public let shift: String
        public let workDay: Bool
        enum CodingKeys: String, CodingKey {
            case shift = "shift_type"
            case workDay = "is_work_day"
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
