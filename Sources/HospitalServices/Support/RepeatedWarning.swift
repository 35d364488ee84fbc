/// A warning that would otherwise come every turn of a loop (a full disk fails every write,
/// ~20 a second) said once per `interval`, with how many times it happened since it was last
/// said: the log keeps one line a minute instead of burying everything else.
public struct RepeatedWarning: Sendable {
    public let interval: Double
    private var lastSaid = -Double.infinity
    private var unsaid = 0

    public init(interval: Double = 60) {
        self.interval = interval
    }

    /// Counts one occurrence at `now` (seconds); returns how many to report when it is time
    /// to say it (this one included), nil while it stays quiet.
    public mutating func occurred(at now: Double) -> Int? {
        unsaid += 1
        guard now - lastSaid >= interval else { return nil }
        lastSaid = now
        defer { unsaid = 0 }
        return unsaid
    }

    /// The condition is over: the next occurrence is said at once.
    public mutating func cleared() {
        lastSaid = -.infinity
        unsaid = 0
    }
}
