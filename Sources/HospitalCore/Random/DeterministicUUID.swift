/// A UUID from two seeded words: version 8 and the RFC variant set, the rest from the stream.
public struct DeterministicUUID: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = (high & ~0xF000) | 0x8000
        self.low = (low & ~(0xC000_0000_0000_0000 as UInt64)) | 0x8000_0000_0000_0000
    }

    /// Lower-case 8-4-4-4-12 form.
    public var description: String {
        var text = ByteText()
        text.appendUUID(self)
        return text.string
    }
}

extension DeterministicUUID {
    /// A 63-bit key from the UUID's bits, to derive further ids from this one.
    public var hashValueStable: Int { Int(truncatingIfNeeded: (high ^ low.rotateLeft(17)) & 0x7FFF_FFFF_FFFF_FFFF) }
}

extension UInt64 {
    func rotateLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
