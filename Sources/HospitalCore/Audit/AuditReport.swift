/// The audit's verdicts, in the order of `AuditRules.all` for printing, and by rule id for
/// whoever asks after one rule.
public struct AuditReport: Sendable {
    public let verdicts: [AuditVerdict]

    public init(_ verdicts: [AuditVerdict]) { self.verdicts = verdicts }

    public subscript(_ rule: AuditRuleID) -> AuditVerdict? { verdicts.first { $0.rule == rule } }

    public var failed: Int { verdicts.filter { !$0.passed }.count }

    /// One line per verdict, then the tally.
    public var lines: [String] {
        verdicts.map(\.line) + ["audit: \(verdicts.count - failed) passed, \(failed) failed"]
    }
}
