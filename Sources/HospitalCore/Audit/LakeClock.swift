/// The lake's timestamps as minutes since 1970-01-01, the one scale every audit rule
/// compares on, and back to the short form a verdict quotes.
public enum LakeClock {
    /// `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`; nil when malformed or empty.
    public static func minute(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 19 || bytes.count == 10 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        let date = SimDate(year: year, month: month, day: day).dayNumber * 1440
        guard bytes.count == 19 else { return date }
        guard let hour = number(11, 2), let minute = number(14, 2) else { return nil }
        return date + hour * 60 + minute
    }

    public static func minute(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { minute($0) }
    }

    /// `HH:MM` as minutes of the day; only the shape is checked.
    public static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return hour * 60 + minute
    }

    /// `YYYY-MM-DD HH:MM`, as a verdict names the minute of a fault.
    public static func stamp(_ minute: Int) -> String {
        let date = SimDate(dayNumber: minute >= 0 ? minute / 1440 : (minute - 1439) / 1440)
        let rest = minute - date.dayNumber * 1440
        let hour = rest / 60, minuteOfHour = rest % 60
        return "\(date) \(hour < 10 ? "0" : "")\(hour):\(minuteOfHour < 10 ? "0" : "")\(minuteOfHour)"
    }
}
