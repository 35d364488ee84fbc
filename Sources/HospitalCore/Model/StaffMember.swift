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
