/// Each member's on-duty windows from the schedules, on-call reserve hours included, in
/// order, with the department each was worked for and whether the member was senior that
/// day: whether someone was at work at a minute is a search, not a scan.
public struct DutyWindows: Sendable {
    /// What a schedule row says of one shift besides its minutes.
    public struct Posting: Sendable, Equatable {
        public let department: String
        public let senior: Bool
    }

    /// By the roster's serial.
    public private(set) var shifts: [[MinuteSpan]]
    /// `postings[serial][k]` is of `shifts[serial][k]`.
    public private(set) var postings: [[Posting]]
    /// When the calendar's first shift began: before it, the night before the calendar was
    /// at work, and the lake does not say who worked it.
    public private(set) var firstStart = Int.max

    public init(schedules: [ScheduleRow], roster: StaffRoster, seniorLevel: String) {
        var rows = [[(span: MinuteSpan, posting: Posting)]](repeating: [], count: roster.members.count)
        for row in schedules where row.onDuty {
            guard let serial = roster.serial(ofStaff: row.staffID), let shift = row.shift else { continue }
            firstStart = min(firstStart, shift.start)
            rows[serial].append((shift, Posting(department: row.department, senior: row.experienceLevel == seniorLevel)))
        }
        for serial in rows.indices { rows[serial].sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) } }
        shifts = rows.map { $0.map(\.span) }
        postings = rows.map { $0.map(\.posting) }
    }

    /// Whether the member's shift covers `minute`, or the member was called from the on-call reserve then.
    public func atWork(_ serial: Int, _ minute: Int) -> Bool { shift(of: serial, at: minute) != nil }

    /// The index in `shifts[serial]` of the shift covering `minute`, if any.
    public func shift(of serial: Int, at minute: Int) -> Int? {
        let list = shifts[serial]
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].start <= minute { low = middle + 1 } else { high = middle }
        }
        // Shifts never overlap by more than one, so the last two starting by `minute` suffice.
        for index in stride(from: low - 1, through: max(0, low - 2), by: -1) where list[index].end > minute {
            return index
        }
        return nil
    }

    /// The posting of the shift the member works at `minute`, if any.
    public func posting(of serial: Int, at minute: Int) -> Posting? {
        shift(of: serial, at: minute).map { postings[serial][$0] }
    }
}
