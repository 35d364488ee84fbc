/// Each member's on-duty windows from the schedules, on-call reserve hours included, in
/// order: whether someone was at work at a minute is a search, not a scan.
public struct DutyWindows: Sendable {
    /// By the roster's serial.
    public private(set) var shifts: [[MinuteSpan]]
    /// When the calendar's first shift began: before it, the night before the calendar was
    /// at work, and the lake does not say who worked it.
    public private(set) var firstStart = Int.max

    public init(schedules: [ScheduleRow], roster: StaffRoster) {
        shifts = [[MinuteSpan]](repeating: [], count: roster.members.count)
        for row in schedules where row.onDuty {
            guard let serial = roster.serial(ofStaff: row.staffID), let shift = row.shift else { continue }
            firstStart = min(firstStart, shift.start)
            shifts[serial].append(shift)
        }
        for serial in shifts.indices { shifts[serial].sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Whether the member's shift covers `minute`, or the member was called from the on-call reserve then.
    public func atWork(_ serial: Int, _ minute: Int) -> Bool {
        let list = shifts[serial]
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].start <= minute { low = middle + 1 } else { high = middle }
        }
        // Shifts never overlap by more than one, so the last two starting by `minute` suffice.
        for index in stride(from: low - 1, through: max(0, low - 2), by: -1) where list[index].end > minute {
            return true
        }
        return false
    }
}
