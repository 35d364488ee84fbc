/// The clinical and workforce configs compiled into indexed tables, so the generators work
/// with small integers and never look a name up on a hot path.
public struct Catalog: Sendable {
    public struct Condition: Sendable {
        public let name: String
        public let severity: Int
        public let label: String
        public let unit: Int
        public let stay: ClosedRange<Int>?
        public let emtRemedy: String
        public let hospitalRemedy: String
        /// Probability per age group; empty for visit-only conditions.
        public let probability: [Double]
        public let eligibility: ClinicalModel.Eligibility?
        /// Specialisations ("Chronic Condition: Diabetes") with their own unit when they have one.
        public let details: [(name: String, unit: Int, minAge: Int)]
        public let triageMean: Double
        public let triageSD: Double
    }

    public let conditions: [Condition]
    /// Conditions `0..<issueCount` are the ones people carry; the rest arise only at a visit.
    public let issueCount: Int
    public let noIllness: Int
    public let units: [ClinicalModel.Unit]
    public let departments: [String]
    /// The staff department that runs each unit.
    public let unitDepartment: [Int]
    public let ageGroups: [ClinicalModel.AgeGroup]
    public let roles: [String]
    public let roleGroup: [Int]
    public let roleMinimumAge: [Int]
    public let groups: [String]
    public let isDoctor: [Bool]
    public let isNurse: [Bool]
    public let isParamedic: [Bool]
    public let genders: [String]

    public init(_ config: HospitalConfig) {
        let clinical = config.clinical
        units = clinical.units
        departments = config.shifts.departments
        unitDepartment = clinical.units.map { unit in config.shifts.departments.firstIndex(of: unit.staffDepartment)! }
        ageGroups = clinical.ageGroups
        let unitNames = clinical.units.map(\.name)
        let triage = clinical.triageMinutes
        let labels = clinical.severityLabelsBySeverity
        conditions = (clinical.conditions + clinical.visitOnlyConditions).map { c in
            let label = c.severityLabel ?? labels[c.severity - 1]
            let entry = triage.first { $0.label == label } ?? triage[triage.count - 1]
            return Condition(
                name: c.name, severity: c.severity, label: label, unit: unitNames.firstIndex(of: c.unit)!,
                stay: c.stayDays.map { $0[0]...$0[1] }, emtRemedy: c.emtRemedy, hospitalRemedy: c.hospitalRemedy,
                probability: c.probability ?? [], eligibility: c.eligible,
                details: (c.details ?? []).map {
                    (
                        $0.name, $0.unit.flatMap { unitNames.firstIndex(of: $0) } ?? unitNames.firstIndex(of: c.unit)!,
                        $0.minAge ?? 0
                    )
                },
                triageMean: entry.mean, triageSD: entry.sd)
        }
        issueCount = clinical.conditions.count
        noIllness = conditions.firstIndex { $0.name == clinical.noIllness }!
        roles = config.workforce.groups.flatMap(\.roles)
        groups = config.workforce.groups.map(\.name)
        roleGroup = config.workforce.groups.enumerated().flatMap { index, group in group.roles.map { _ in index } }
        roleMinimumAge = roles.map { role in config.workforce.minimumAge.first { $0.role == role }!.age }
        isDoctor = roles.map(config.workforce.doctorRoles.contains)
        isNurse = roles.map(config.workforce.nurseRoles.contains)
        isParamedic = roles.map(config.workforce.paramedicRoles.contains)
        genders = config.demographics.genders
    }

    /// Whether a person of this gender and age can carry the condition (pregnancy only for
    /// women of 15–49, alcohol and substance disorders from 12, arthritis and hypertension from 5).
    public func isEligible(_ condition: Int, gender: UInt8, age: Int) -> Bool {
        guard let rule = conditions[condition].eligibility else { return true }
        return (rule.gender.map { genders[Int(gender)] == $0 } ?? true) && age >= rule.minAge && age <= rule.maxAge
    }

    /// The specialisations of a condition someone of `age` can have (all when none fits).
    public func eligibleDetails(_ condition: Int, age: Int) -> [Int] {
        let details = conditions[condition].details
        let fitting = details.indices.filter { details[$0].minAge <= age }
        return fitting.isEmpty ? Array(details.indices) : fitting
    }

    public func conditionIndex(named name: String) -> Int? { conditions.firstIndex { $0.name == name } }

    public func ageGroup(forAge age: Int) -> Int {
        ageGroups.firstIndex { age >= $0.min && age <= $0.max } ?? ageGroups.count - 1
    }

    /// Detail slots: which conditions carry a specialisation, in a fixed order.
    public var detailConditions: [Int] {
        conditions.indices.filter { !conditions[$0].details.isEmpty && $0 < issueCount }
    }
}
