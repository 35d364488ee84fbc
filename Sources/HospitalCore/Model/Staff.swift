/// One post holder. `serial` is their place in the roster (ids derive from it); service is
/// counted in quarters so the quarterly +0.25 years stays exact.
public struct StaffMember: Sendable, Equatable {
    public let serial: Int
    public let person: Int
    public let role: Int
    public let department: Int
    public let hired: SimDate
    /// Quarters of service on `joined`, the day the member entered the simulated roster.
    public let quartersAtHire: Int
    public let joined: SimDate
    init(serial: Int, person: Int, role: Int, department: Int, hired: SimDate, quartersAtHire: Int, joined: SimDate) {
        self.serial = serial
        self.person = person
        self.role = role
        self.department = department
        self.hired = hired
        self.quartersAtHire = quartersAtHire
        self.joined = joined
    }

    /// The workforce step on which the member retired; nil while active.
    public internal(set) var retired: SimDate?
    public internal(set) var retirementReason: RetirementReason?

    /// Quarters of service on `date`, one per workforce step since hire.
    public func quarters(on date: SimDate, stepDays: Int) -> Int {
        quartersAtHire + max(0, (date.dayNumber - joined.dayNumber) / stepDays)
    }

    public func isActive(on date: SimDate) -> Bool {
        joined <= date && (retired.map { date < $0 } ?? true)
    }
}

public enum RetirementReason: String, Sendable {
    case age = "age"
    case longService = "long service"
}

/// A person in the reserve pool, with the experience they would bring.
public struct ReserveMember: Sendable, Equatable {
    public let person: Int
    public let quarters: Int
}

/// Experience levels from quarters of service (docs/domain-model.md §Workforce: < 5 years Junior, 5–15 Mid-Level, > 15 Senior).
public struct ExperienceScale: Sendable {
    let levels: [WorkforceModel.Level]

    public init(_ levels: [WorkforceModel.Level]) { self.levels = levels }

    public func level(quarters: Int) -> Int {
        levels.firstIndex { Double(quarters) < $0.belowYears * 4 } ?? levels.count - 1
    }

    public func name(quarters: Int) -> String { levels[level(quarters: quarters)].name }

    public var senior: Int { levels.count - 1 }
}
