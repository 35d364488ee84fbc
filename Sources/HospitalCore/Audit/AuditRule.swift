/// One rule of the lake audit: a pure judgement of the lake's rows, so each rule is tested
/// with a handful of hand-made rows and no rule sees another's counters.
public protocol AuditRule: Sendable {
    var id: AuditRuleID { get }
    /// What holds of a believable hospital, as the verdict line states it.
    var claim: String { get }
    func verdict(on lake: AuditedLake) -> AuditVerdict
}

extension AuditRule {
    func verdict(checked: Int, failures: Int, detail: String) -> AuditVerdict {
        AuditVerdict(rule: id, claim: claim, checked: checked, failures: failures, detail: detail)
    }
}

/// The rules `hospital audit` runs, in the order of `AuditRuleID`.
public enum AuditRules {
    public static let all: [any AuditRule] = [
        CapacityRule(), ServiceRule(), OnePlaceRule(), AtWorkRule(), SeniorCoverRule(), ParamedicRule(), RestRule(),
        ConditionsRule(), OwnPatientRule(), DepartmentRule(), SeniorAmbulanceRule(), MidnightCensusRule(),
    ]
}
