/// A rule's finding: how many rows it checked, how many broke it, and why.
public struct AuditVerdict: Sendable, Equatable {
    public let rule: AuditRuleID
    public let claim: String
    public let checked: Int
    public let failures: Int
    /// Counts by kind of failure, in a fixed order, and the first few offending rows.
    public let detail: String

    public init(rule: AuditRuleID, claim: String, checked: Int, failures: Int, detail: String) {
        self.rule = rule
        self.claim = claim
        self.checked = checked
        self.failures = failures
        self.detail = detail
    }

    public var passed: Bool { failures == 0 }

    public var line: String {
        VerdictLine.format(
            passed: passed, id: rule.rawValue, "\(claim): \(failures) of \(checked) fail" + (detail.isEmpty ? "" : " (\(detail))"))
    }
}
