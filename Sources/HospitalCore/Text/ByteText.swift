/// UTF-8 text built byte by byte. Every number the lake holds is formatted here, by our own
/// code, so no locale or platform formatter decides a byte.
public struct ByteText: Sendable, Equatable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var count: Int { bytes.count }
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
    public mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    @inline(__always) public mutating func append(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    @inline(__always) public mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }
    @inline(__always) public mutating func append(utf8 buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    public mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(UInt64(-value), width: 1)
        } else {
            append(UInt64(value), width: 1)
        }
    }

    /// Decimal digits, left-padded with zeros to `width`.
    public mutating func append(_ value: UInt64, width: Int) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < width {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A fixed-point number given in hundredths, always with two decimals: 1225 → "12.25".
    public mutating func appendHundredths(_ hundredths: Int) {
        if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = UInt64(abs(hundredths))
        append(magnitude / 100, width: 1)
        bytes.append(UInt8(ascii: "."))
        append(magnitude % 100, width: 2)
    }

    public mutating func appendDate(_ date: SimDate) {
        let (y, m, d) = date.components
        append(UInt64(y), width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(UInt64(m), width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(UInt64(d), width: 2)
    }

    /// `YYYY-MM-DD HH:MM:00`, the timestamp form PostgreSQL reads without a format.
    public mutating func appendTimestamp(_ minute: SimMinute) {
        appendDate(minute.date)
        bytes.append(UInt8(ascii: " "))
        appendClock(minute.minuteOfDay)
        bytes.append(contentsOf: ":00".utf8)
    }

    /// `HH:MM`.
    public mutating func appendClock(_ minuteOfDay: Int) {
        append(UInt64(minuteOfDay / 60), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(UInt64(minuteOfDay % 60), width: 2)
    }

    public mutating func appendUUID(_ uuid: DeterministicUUID) {
        appendHex(uuid.high >> 32, digits: 8)
        bytes.append(UInt8(ascii: "-"))
        appendHex((uuid.high >> 16) & 0xFFFF, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        appendHex(uuid.high & 0xFFFF, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        appendHex(uuid.low >> 48, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        appendHex(uuid.low & 0xFFFF_FFFF_FFFF, digits: 12)
    }

    public mutating func appendHex(_ value: UInt64, digits: Int) {
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let nibble = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }
}
