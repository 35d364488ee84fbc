/// A civil date as a day count since 1970-01-01, so calendars need no time zone, locale or
/// Foundation `Calendar`: the same arithmetic on every machine.
public struct SimDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Howard Hinnant's days-from-civil, valid for the proleptic Gregorian calendar.
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= SimDate.daysInMonth(year: y, month: m)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    public func adding(days: Int) -> SimDate { SimDate(dayNumber: dayNumber + days) }

    /// Whole years from `birth` to this date, as a person counts their age.
    public func years(since birth: SimDate) -> Int {
        let (y, m, d) = components
        let (by, bm, bd) = birth.components
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    public var firstOfMonth: SimDate {
        let (y, m, _) = components
        return SimDate(year: y, month: m, day: 1)
    }

    public var firstOfNextMonth: SimDate {
        let (y, m, _) = components
        return m == 12 ? SimDate(year: y + 1, month: 1, day: 1) : SimDate(year: y, month: m + 1, day: 1)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        var text = ByteText()
        text.appendDate(self)
        return text.string
    }

    /// `YYYY-MM`, the month part of schedule file names.
    public var monthKey: String { String(description.prefix(7)) }

    public static func < (a: SimDate, b: SimDate) -> Bool { a.dayNumber < b.dayNumber }
}
