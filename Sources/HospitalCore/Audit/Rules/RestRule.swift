/// Nobody starts a shift less than 11 hours after their last one ended, reserve hours included.
public struct RestRule: AuditRule {
    /// Rest required between the end of one shift and the start of the next. The audit keeps
    /// its own figure rather than the generator's, so a change there is caught here.
    public static let minimumRestMinutes = 11 * 60

    public let id = AuditRuleID.rest
    public let claim = "at least 11 h between shifts"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0, failures = 0
        var examples = AuditExamples()
        for (serial, shifts) in lake.duty.shifts.enumerated() where shifts.count > 1 {
            for (previous, next) in zip(shifts, shifts.dropFirst()) {
                checked += 1
                let gap = next.start - previous.end
                guard gap < Self.minimumRestMinutes else { continue }
                failures += 1
                examples.note("\(lake.roster.members[serial].role) rests \(gap / 60) h before \(LakeClock.stamp(next.start))")
            }
        }
        return verdict(checked: checked, failures: failures, detail: examples.text)
    }
}
