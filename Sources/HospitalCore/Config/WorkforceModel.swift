/// `workforce.json`: posts, roles, ages and the quarterly workforce rules.
public struct WorkforceModel: Decodable, Sendable {
    public struct Group: Decodable, Sendable {
        public let name: String
        public let posts: Int
        public let roles: [String]
    }

    public struct MinimumAge: Decodable, Sendable {
        public let role: String
        public let age: Int
    }

    public struct Level: Decodable, Sendable {
        public let name: String
        public let belowYears: Double
        enum CodingKeys: String, CodingKey {
            case name
            case belowYears = "below_years"
        }
    }

    public let groups: [Group]
    public let minimumAge: [MinimumAge]
    public let maxHireAge: Int
    public let reservePool: Int
    public let reserveMinimumAge: Int
    public let retirementAge: Int
    public let longServiceYears: Int
    public let longServiceQuarterlyRetirement: Double
    public let stepDays: Int
    public let experienceLevels: [Level]
    public let doctorRoles: [String]
    public let nurseRoles: [String]
    public let paramedicRoles: [String]
    /// Posts every doctor, nurse and paramedic role keeps in any profile, so that one of each
    /// can be at work at every minute (absent: no minimum).
    public let roundTheClockPosts: Int?
    /// The course's 21-day cycle (`medical_shift_daily_cycle`) in the order the project runs
    /// it: the same days, so that every change of shift leaves 11 h of rest (absent: the
    /// course's order).
    public let shiftCycle: [String]?

    enum CodingKeys: String, CodingKey {
        case groups
        case minimumAge = "minimum_age"
        case maxHireAge = "max_hire_age"
        case reservePool = "reserve_pool"
        case reserveMinimumAge = "reserve_minimum_age"
        case retirementAge = "retirement_age"
        case longServiceYears = "long_service_years"
        case longServiceQuarterlyRetirement = "long_service_quarterly_retirement"
        case stepDays = "step_days"
        case experienceLevels = "experience_levels"
        case doctorRoles = "doctor_roles"
        case nurseRoles = "nurse_roles"
        case paramedicRoles = "paramedic_roles"
        case roundTheClockPosts = "round_the_clock_posts"
        case shiftCycle = "shift_cycle"
    }
}
