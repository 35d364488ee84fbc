/// Everyone ever on the staff, numbered in the order the staff files first name them: the
/// first row of a staff id wins, as the staff file is read before the snapshots.
public struct StaffRoster: Sendable {
    /// What a place on an admission or a transport needs of whoever it names.
    public enum Kind: Sendable {
        case doctor, nurse, paramedic
    }

    public struct Member: Sendable {
        public let person: String
        public let role: String
        let kinds: Set<Kind>

        public func `is`(_ kind: Kind) -> Bool { kinds.contains(kind) }
    }

    public private(set) var members: [Member] = []
    private var serialOfStaff: [String: Int] = [:]
    private var serialOfPerson: [String: Int] = [:]

    public init(staff: [StaffRow], policy: AuditPolicy) {
        for row in staff where serialOfStaff[row.staffID] == nil {
            serialOfStaff[row.staffID] = members.count
            var kinds = Set<Kind>()
            if policy.doctorRoles.contains(row.role) { kinds.insert(.doctor) }
            if policy.nurseRoles.contains(row.role) { kinds.insert(.nurse) }
            if policy.paramedicRoles.contains(row.role) { kinds.insert(.paramedic) }
            members.append(Member(person: row.personID, role: row.role, kinds: kinds))
        }
        // A person hired twice is known by their last staff id.
        for (serial, member) in members.enumerated() { serialOfPerson[member.person] = serial }
    }

    public func serial(ofStaff id: String) -> Int? { serialOfStaff[id] }

    public func serial(ofPerson id: String) -> Int? { serialOfPerson[id] }

    public func member(ofStaff id: String) -> Member? { serialOfStaff[id].map { members[$0] } }
}
