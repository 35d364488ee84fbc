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
    /// Room for `capacity` bytes, growing at least twofold: reserving a little more file
    /// after file must not reallocate (and touch fresh memory) each time.
    public mutating func reserveCapacity(_ capacity: Int) {
        if bytes.capacity < capacity { bytes.reserveCapacity(Swift.max(capacity, 2 * bytes.capacity)) }
    }

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

    /// The 8-4-4-4-12 form, written in one append (every event id and row id goes through here).
    public mutating func appendUUID(_ uuid: DeterministicUUID) {
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)  // 40 bytes of room for 36
        withUnsafeMutableBytes(of: &text) { buffer in
            var at = 0
            func hex(_ value: UInt64, _ digits: Int) {
                for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                    let nibble = UInt8((value >> UInt64(shift)) & 0xF)
                    buffer[at] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                    at += 1
                }
            }
            func dash() {
                buffer[at] = UInt8(ascii: "-")
                at += 1
            }
            hex(uuid.high >> 32, 8)
            dash()
            hex((uuid.high >> 16) & 0xFFFF, 4)
            dash()
            hex(uuid.high & 0xFFFF, 4)
            dash()
            hex(uuid.low >> 48, 4)
            dash()
            hex(uuid.low & 0xFFFF_FFFF_FFFF, 12)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<36]))
        }
    }

    public mutating func appendHex(_ value: UInt64, digits: Int) {
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let nibble = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }
}
