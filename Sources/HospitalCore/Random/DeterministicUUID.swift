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

    /// The same from bytes, so a CSV cell need not become a string first. Every byte is
    /// decoded the same way and faults are gathered into one flag: the encoder parses a UUID
    /// per outbox row, and a branch per digit (a number or a letter, at random) cost more
    /// than the arithmetic.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36 else { return nil }
        var bad: UInt8 = 0
        func hex(_ range: Range<Int>, into value: inout UInt64) {
            for index in range {
                let byte = text[index]
                let digit = byte &- UInt8(ascii: "0")
                let letter = (byte | 0x20) &- UInt8(ascii: "a")
                let isDigit = digit < 10
                bad |= (isDigit || letter < 6) ? 0 : 1
                value = value << 4 | UInt64(isDigit ? digit : letter &+ 10)
            }
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        hex(0..<8, into: &high)
        hex(9..<13, into: &high)
        hex(14..<18, into: &high)
        hex(19..<23, into: &low)
        hex(24..<36, into: &low)
        for dash in [8, 13, 18, 23] where text[dash] != UInt8(ascii: "-") { return nil }
        guard bad == 0 else { return nil }
        self.init(bits: high, low: low)
    }
}
