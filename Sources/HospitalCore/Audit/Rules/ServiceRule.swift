/// Nobody has served longer than they have been old enough for their role: years of service
/// at most age minus the role's minimum age.
public struct ServiceRule: AuditRule {
    public let id = AuditRuleID.service
    public let claim = "years of service <= age - role minimum age"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0, failures = 0
        var staff = Set<String>()
        var examples = AuditExamples()
        for row in lake.rows.staff {
            guard let age = row.age, let years = row.years, let minimum = lake.policy.roleMinimumAge[row.role] else { continue }
            checked += 1
            // A hair of slack: years are written with two decimals.
            guard years > Double(age - minimum) + 1e-9 else { continue }
            failures += 1
            staff.insert(row.staffID)
            examples.note("\(row.file) \(row.staffID) \(row.role) age \(age) service \(row.yearsOfService)")
        }
        return verdict(checked: checked, failures: failures, detail: examples.after("\(staff.count) staff"))
    }
}
