/// From one minute to another, in minutes since 1970-01-01, as the audit reads a shift or a
/// stay. Unlike a `Range`, a hand-broken row may end before it starts: the rules report it.
public struct MinuteSpan: Sendable, Equatable {
    public let start: Int
    public let end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// Whether the two share a minute.
    public func overlaps(_ other: MinuteSpan) -> Bool { start < other.end && other.start < end }
}
