/// Nobody is their own carer: a member of staff who comes in as a patient (an outpatient
/// visit during a shift) is never the doctor or nurse who admits them, nor on the crew of
/// their own transport.
public struct OwnPatientRule: AuditRule {
    public let id = AuditRuleID.ownPatient
    public let claim = "no member of staff admits or attends themselves"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0, admissions = 0, transports = 0
        var examples = AuditExamples()
        func isPatient(_ staff: String, _ patient: String, _ what: String, at minute: Int?) -> Bool {
            guard !staff.isEmpty else { return false }
            checked += 1
            guard lake.roster.member(ofStaff: staff)?.person == patient else { return false }
            examples.note("\(what) is the patient at \(minute.map(LakeClock.stamp) ?? "?")")
            return true
        }
        for row in lake.rows.admissions where row.admitted {
            for (staff, what) in [(row.doctorID, "admission doctor"), (row.nurseID, "admission nurse")]
            where isPatient(staff, row.patientID, what, at: row.admissionTime) {
                admissions += 1
            }
        }
        for row in lake.rows.transports {
            let crew = [
                (row.paramedicID, "transport paramedic"), (row.physicianID, "transport physician"), (row.nurseID, "transport nurse"),
            ]
            for (staff, what) in crew where isPatient(staff, row.patientID, what, at: row.time) { transports += 1 }
        }
        return verdict(
            checked: checked, failures: admissions + transports,
            detail: examples.after("admissions \(admissions), transports \(transports)"))
    }
}
