/// A minute on the simulation clock: `day * 1440 + minute of day`.
public struct SimMinute: Hashable, Comparable, Sendable {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public init(date: SimDate, minuteOfDay: Int) { value = date.dayNumber * 1440 + minuteOfDay }
    public var date: SimDate { SimDate(dayNumber: value >= 0 ? value / 1440 : (value - 1439) / 1440) }
    public var minuteOfDay: Int { value - date.dayNumber * 1440 }
    public func adding(minutes: Int) -> SimMinute { SimMinute(value + minutes) }
    public static func < (a: SimMinute, b: SimMinute) -> Bool { a.value < b.value }
}
