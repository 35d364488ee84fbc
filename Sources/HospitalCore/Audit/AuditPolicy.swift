/// What the audit takes from the configs: the roles that count as doctor, nurse or
/// paramedic, each role's minimum age, the senior level, each care unit's staff department
/// and the severity that calls for a senior doctor on an ambulance. Nothing of the
/// generator's state.
public struct AuditPolicy: Sendable {
    public let roleMinimumAge: [String: Int]
    public let doctorRoles: Set<String>
    public let nurseRoles: Set<String>
    public let paramedicRoles: Set<String>
    public let seniorLevel: String
    /// A care unit's name to the department whose staff work it.
    public var unitDepartment: [String: String] = [:]
    public var seniorDoctorSeverity = 5
}

extension AuditPolicy {
    public init(config: HospitalConfig) {
        let workforce = config.workforce
        var ages: [String: Int] = [:]
        for entry in workforce.minimumAge { ages[entry.role] = entry.age }
        self.init(
            roleMinimumAge: ages, doctorRoles: Set(workforce.doctorRoles), nurseRoles: Set(workforce.nurseRoles),
            paramedicRoles: Set(workforce.paramedicRoles), seniorLevel: workforce.experienceLevels.last?.name ?? "Senior",
            unitDepartment: Dictionary(config.clinical.units.map { ($0.name, $0.staffDepartment) }) { first, _ in first },
            seniorDoctorSeverity: config.clinical.transport.seniorDoctorSeverity)
    }
}
