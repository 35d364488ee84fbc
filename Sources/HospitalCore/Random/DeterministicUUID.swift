/// A UUID from two seeded words: version 8 and the RFC variant set, the rest from the stream.
public struct DeterministicUUID: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    /// A version 8 UUID from two random words.
    public init(high: UInt64, low: UInt64) {
        self.init(bits: (high & ~0xF000) | 0x8000, low: (low & ~(0xC000_0000_0000_0000 as UInt64)) | 0x8000_0000_0000_0000)
    }

    /// Exactly these 128 bits.
    init(bits high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
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

extension DeterministicUUID {
    /// Parses the 8-4-4-4-12 hex form (either case); nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let hex = text.utf8.filter { $0 != UInt8(ascii: "-") }
        guard text.utf8.count == 36, hex.count == 32 else { return nil }
        var words: [UInt64] = [0, 0]
        for (index, byte) in hex.enumerated() {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            words[index / 16] = words[index / 16] << 4 | UInt64(value)
        }
        self.init(bits: words[0], low: words[1])
    }
}
