/// What the audit takes from the configs: the roles that count as doctor, nurse or
/// paramedic, each role's minimum age and the senior level. Nothing of the generator's state.
public struct AuditPolicy: Sendable {
    public let roleMinimumAge: [String: Int]
    public let doctorRoles: Set<String>
    public let nurseRoles: Set<String>
    public let paramedicRoles: Set<String>
    public let seniorLevel: String
}

extension AuditPolicy {
    public init(config: HospitalConfig) {
        let workforce = config.workforce
        var ages: [String: Int] = [:]
        for entry in workforce.minimumAge { ages[entry.role] = entry.age }
        self.init(
            roleMinimumAge: ages, doctorRoles: Set(workforce.doctorRoles), nurseRoles: Set(workforce.nurseRoles),
            paramedicRoles: Set(workforce.paramedicRoles), seniorLevel: workforce.experienceLevels.last?.name ?? "Senior")
    }
}
