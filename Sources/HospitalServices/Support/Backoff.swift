/// Exponential backoff with a ceiling, for retries against a broker or database that is away.
public struct Backoff: Sendable {
    public let base: Double
    public let ceiling: Double

    public init(base: Double = 0.2, ceiling: Double = 5) {
        self.base = base
        self.ceiling = ceiling
    }

    /// Seconds to wait after the n-th failed attempt (1-based).
    public func delay(afterAttempt attempt: Int) -> Double {
        min(ceiling, base * Double(1 << min(max(attempt - 1, 0), 20)))
    }
}
