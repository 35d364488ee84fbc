/// Writes bytes through a pointer into room reserved for them beforehand, by
/// `ByteText.write(atMost:_:)`. The event encoder writes each event this way: one capacity
/// check for the whole event instead of one per member, which was most of its cost. Writing
/// past the reserved room traps; it never touches memory outside it.
public struct ByteWriter: ~Copyable {
    private let start: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    public private(set) var count: Int

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) {
        start = buffer.baseAddress!
        capacity = buffer.count
        self.count = count
    }

    @inline(__always) private mutating func room(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(needed <= capacity - count, "ByteWriter: more bytes than reserved")
        defer { count += needed }
        return start + count
    }

    @inline(__always) public mutating func write(_ byte: UInt8) {
        room(1).pointee = byte
    }

    @inline(__always) public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        room(bytes.count).update(from: source, count: bytes.count)
    }

    public mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    @inline(__always) public mutating func write(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        write(UnsafeBufferPointer(rebasing: bytes))
    }

    /// A JSON string of UTF-8 bytes, escaped where JSON requires it; at most
    /// `6 * bytes.count + 2` bytes. `isPlain` says the caller already knows no byte needs it.
    public mutating func writeJSONString(utf8 value: UnsafeBufferPointer<UInt8>, isPlain: Bool = false) {
        write(UInt8(ascii: "\""))
        if isPlain || value.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            write(value)
        } else {
            for byte in value {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    write(UInt8(ascii: "\\"))
                    write(byte)
                case UInt8(ascii: "\n"): writeEscape(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): writeEscape(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): writeEscape(UInt8(ascii: "t"))
                case 0..<0x20:
                    writeEscape(UInt8(ascii: "u"))
                    write(UInt8(ascii: "0"))
                    write(UInt8(ascii: "0"))
                    writeHex(UInt64(byte), digits: 2)
                default: write(byte)
                }
            }
        }
        write(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ letter: UInt8) {
        write(UInt8(ascii: "\\"))
        write(letter)
    }

    /// Lowercase hexadecimal, left-padded with zeros to `digits`.
    public mutating func writeHex(_ value: UInt64, digits: Int) {
        let out = room(digits)
        for index in 0..<digits {
            let nibble = UInt8((value >> UInt64(4 * (digits - 1 - index))) & 0xF)
            out[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
    }

    /// The 8-4-4-4-12 form; 36 bytes.
    public mutating func writeUUID(_ uuid: DeterministicUUID) {
        writeHex(uuid.high >> 32, digits: 8)
        write(UInt8(ascii: "-"))
        writeHex((uuid.high >> 16) & 0xFFFF, digits: 4)
        write(UInt8(ascii: "-"))
        writeHex(uuid.high & 0xFFFF, digits: 4)
        write(UInt8(ascii: "-"))
        writeHex(uuid.low >> 48, digits: 4)
        write(UInt8(ascii: "-"))
        writeHex(uuid.low & 0xFFFF_FFFF_FFFF, digits: 12)
    }

    /// Decimal digits, left-padded with zeros to `width`; at most max(20, width) bytes.
    public mutating func writeDecimal(_ value: UInt64, width: Int = 1) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let total = max(digits, width)
        let out = room(total)
        rest = value
        for index in stride(from: total - 1, through: 0, by: -1) {
            out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// A signed integer in decimal; at most 20 bytes.
    public mutating func writeDecimal(_ value: Int) {
        if value < 0 { write(UInt8(ascii: "-")) }
        writeDecimal(UInt64(value.magnitude), width: 1)
    }
}
