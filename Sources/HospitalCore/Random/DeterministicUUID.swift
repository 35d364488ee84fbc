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
        var text = String(text)
        guard let uuid = text.withUTF8(DeterministicUUID.init(utf8:)) else { return nil }
        self = uuid
    }

    /// The same from bytes, so a CSV cell need not become a string first.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for (index, byte) in text.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        self.init(bits: high, low: low)
    }
}
