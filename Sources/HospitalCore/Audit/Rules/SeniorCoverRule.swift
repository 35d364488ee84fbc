/// On every day, every department with anyone at work has a senior doctor or nurse at work,
/// once the hospital has any senior that day (a day with none is the roster's, not a ward's).
public struct SeniorCoverRule: AuditRule {
    public let id = AuditRuleID.seniorCover
    public let claim = "every department at work has a senior doctor or nurse when any works"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0, failures = 0, unknownStaff = 0
        var examples = AuditExamples()
        var day = ""
        var working: [String] = []
        var covered: Set<String> = []
        func closeDay() {
            guard !day.isEmpty else { return }
            for department in Set(working).sorted() {
                checked += 1
                guard !covered.isEmpty && !covered.contains(department) else { continue }
                failures += 1
                examples.note("\(day) \(department)")
            }
            working.removeAll(keepingCapacity: true)
            covered.removeAll(keepingCapacity: true)
        }
        for row in lake.rows.schedules {
            if row.date != day {
                closeDay()
                day = row.date
            }
            guard row.onDuty else { continue }
            working.append(row.department)
            guard let member = lake.roster.member(ofStaff: row.staffID) else {
                unknownStaff += 1
                continue
            }
            if row.experienceLevel == lake.policy.seniorLevel && (member.is(.doctor) || member.is(.nurse)) {
                covered.insert(row.department)
            }
        }
        closeDay()
        return verdict(
            checked: checked, failures: failures + unknownStaff,
            detail: (unknownStaff > 0 ? "schedule rows of unknown staff \(unknownStaff); " : "") + examples.text)
    }
}
