/// Every ambulance carries someone of a paramedic role.
public struct ParamedicRule: AuditRule {
    public let id = AuditRuleID.paramedic
    public let claim = "every ambulance has an EMT"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var ambulances = 0, failures = 0
        var examples = AuditExamples()
        for row in lake.rows.transports where row.ambulance {
            guard let minute = row.time else { continue }
            ambulances += 1
            guard row.paramedicID.isEmpty || lake.roster.member(ofStaff: row.paramedicID)?.is(.paramedic) != true else { continue }
            failures += 1
            examples.note("ambulance at \(LakeClock.stamp(minute))")
        }
        return verdict(checked: ambulances, failures: failures, detail: examples.text)
    }
}
