/// How often and how patiently to try connecting.
///
/// Exponential backoff: a database that is still starting (container boot, failover)
/// usually answers within seconds, and hammering it at a fixed rate only adds load.
/// There is no jitter: our services are few, and a fixed schedule keeps logs and tests
/// predictable.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts including the first; at least 1.
    public var maxAttempts: Int
    /// The wait after the first failed attempt; doubled after each further failure.
    public var baseDelay: Duration
    /// Cap on a single wait, so a long policy does not sleep for minutes.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8)) {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// One attempt, no waiting: for tools where a human retries.
    public static let once = RetryPolicy(maxAttempts: 1)

    /// The wait after failed attempt `attempt` (1-based): base × 2^(attempt−1), capped.
    public func delay(afterAttempt attempt: Int) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(attempt, 1) {
            delay *= 2
            if delay >= maxDelay { return maxDelay }
        }
        return min(delay, maxDelay)
    }
}
