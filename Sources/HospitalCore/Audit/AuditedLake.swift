/// The lake as the rules see it: its rows, the configs' policy, and the indexes several
/// rules share (who is who, who worked when, who lay in which bed), built once.
public struct AuditedLake: Sendable {
    public let rows: AuditRows
    public let policy: AuditPolicy
    public let roster: StaffRoster
    public let duty: DutyWindows
    public let stays: InpatientStays

    public init(rows: AuditRows, policy: AuditPolicy) {
        self.rows = rows
        self.policy = policy
        roster = StaffRoster(staff: rows.staff, policy: policy)
        duty = DutyWindows(schedules: rows.schedules, roster: roster, seniorLevel: policy.seniorLevel)
        stays = InpatientStays(admissions: rows.admissions)
    }
}
