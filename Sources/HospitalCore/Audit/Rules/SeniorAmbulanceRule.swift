/// Every ambulance of the most severe cases (severity 5, `senior_doctor_severity`) carries a
/// senior doctor: senior on the day, by the schedule row of the shift they work then (on
/// the calendar's first morning, before anyone is at work, by their row of that day).
public struct SeniorAmbulanceRule: AuditRule {
    public let id = AuditRuleID.seniorAmbulance
    public let claim = "every severity-5 ambulance has a senior doctor"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        let severe = lake.rows.transports.filter {
            $0.ambulance && ($0.severity ?? 0) >= lake.policy.seniorDoctorSeverity && $0.time != nil
        }
        // The level of each doctor named off shift, on the day named: their schedule row then.
        var dayLevel: [String: String] = [:]
        for row in severe where !row.physicianID.isEmpty {
            guard let serial = lake.roster.serial(ofStaff: row.physicianID), lake.duty.posting(of: serial, at: row.time!) == nil
            else { continue }
            dayLevel[row.physicianID + " " + LakeClock.stamp(row.time!).prefix(10)] = ""
        }
        if !dayLevel.isEmpty {
            for row in lake.rows.schedules where dayLevel[row.staffID + " " + row.date] != nil {
                dayLevel[row.staffID + " " + row.date] = row.experienceLevel
            }
        }
        var none = 0, notSenior = 0
        var examples = AuditExamples()
        for row in severe {
            let minute = row.time!
            guard let serial = lake.roster.serial(ofStaff: row.physicianID), lake.roster.members[serial].is(.doctor) else {
                none += 1
                examples.note("no doctor at \(LakeClock.stamp(minute))")
                continue
            }
            let senior =
                lake.duty.posting(of: serial, at: minute)?.senior
                ?? (dayLevel[row.physicianID + " " + LakeClock.stamp(minute).prefix(10)] == lake.policy.seniorLevel)
            guard !senior else { continue }
            notSenior += 1
            examples.note("\(lake.roster.members[serial].role) not senior at \(LakeClock.stamp(minute))")
        }
        return verdict(
            checked: severe.count, failures: none + notSenior, detail: examples.after("no doctor \(none), not senior \(notSenior)"))
    }
}
