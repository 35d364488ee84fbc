/// One member's day in a monthly schedule. Rows of one day are consecutive, so the date is
/// kept as written to tell where a day ends.
public struct ScheduleRow: Sendable, Equatable {
    public let date: String
    public let staffID: String
    public let experienceLevel: String
    public let department: String
    public let onDuty: Bool
    /// From the shift's start to the end of its on-call reserve hours, in minutes since
    /// 1970-01-01; nil when the date, start or hours are malformed.
    public let shift: MinuteSpan?
}

extension ScheduleRow {
    public init(_ record: NamedRecord) {
        var shift: MinuteSpan?
        if let day = record.minute("schedule_date"), let start = LakeClock.clock(record["shift_start"]),
            let hours = record.int("shift_hours"), let reserve = record.int("reserve_hours")
        {
            shift = MinuteSpan(day + start, day + start + (hours + reserve) * 60)
        }
        self.init(
            date: record["schedule_date"], staffID: record["staff_id"], experienceLevel: record["experience_level"],
            department: record["department"], onDuty: record["on_duty"] == "true", shift: shift)
    }
}
