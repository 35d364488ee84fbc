/// The simulated period, inclusive at both ends.
public struct SimCalendar: Sendable, Equatable {
    public let start: SimDate
    public let end: SimDate

    public init(start: SimDate, end: SimDate) {
        precondition(start <= end, "calendar ends before it starts")
        self.start = start
        self.end = end
    }

    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }
    public var dates: [SimDate] { (start.dayNumber...end.dayNumber).map(SimDate.init(dayNumber:)) }
    public func contains(_ date: SimDate) -> Bool { date >= start && date <= end }

    /// 1-based position of `date`, as progress lines show it ("day k of 863").
    public func ordinal(of date: SimDate) -> Int { date.dayNumber - start.dayNumber + 1 }

    /// The months touched by the calendar, each clipped to it.
    public var months: [(first: SimDate, last: SimDate)] {
        var result: [(SimDate, SimDate)] = []
        var first = start
        while first <= end {
            let last = min(first.firstOfNextMonth.adding(days: -1), end)
            result.append((first, last))
            first = last.adding(days: 1)
        }
        return result
    }
}
