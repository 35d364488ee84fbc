/// Independent random streams derived from the seed by hashing what a draw is for, so a
/// day's output never depends on how many days ran before in this process, and a chunk
/// drawn on another thread equals the same chunk drawn serially.
public struct Streams: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The stream for (purpose, a, b): e.g. ("visitors", day, 0) or ("population", chunk, 0).
    public func stream(_ purpose: Purpose, _ a: Int = 0, _ b: Int = 0) -> SplitMix64 {
        SplitMix64(seed: key(purpose, a, b))
    }

    /// A deterministic UUID (RFC 9562 version 8, "custom") for (purpose, a, b).
    public func uuid(_ purpose: Purpose, _ a: Int, _ b: Int = 0) -> DeterministicUUID {
        var rng = SplitMix64(seed: key(purpose, a, b) ^ 0x5555_5555_5555_5555)
        return DeterministicUUID(high: rng.next(), low: rng.next())
    }

    private func key(_ purpose: Purpose, _ a: Int, _ b: Int) -> UInt64 {
        // Seed and purpose are mixed one after the other: `seed ^ purpose` would make
        // (seed 7, purpose 8) and (seed 8, purpose 7) the same stream.
        var h = SplitMix64.mix(SplitMix64.mix(seed) ^ purpose.rawValue)
        h = SplitMix64.mix(h ^ UInt64(bitPattern: Int64(a)))
        h = SplitMix64.mix(h &+ UInt64(bitPattern: Int64(b)) &* 0x9E37_79B9_7F4A_7C15)
        return h
    }
}
