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

    /// Appends at most `maxCount` bytes written through a pointer (see `ByteWriter`); a
    /// `body` that throws appends nothing.
    public mutating func write<Failure: Error>(
        atMost maxCount: Int, _ body: (inout ByteWriter) throws(Failure) -> Void
    ) throws(Failure) {
        reserveCapacity(bytes.count + maxCount)
        try bytes.append(addingCapacity: maxCount) { (out: inout OutputSpan<UInt8>) throws(Failure) in
            try out.withUnsafeMutableBufferPointer { (buffer, count) throws(Failure) in
                var writer = ByteWriter(buffer, count: count)
                try body(&writer)
                count = writer.count
            }
        }
    }

    @inline(__always) public mutating func append(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    @inline(__always) public mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }
    @inline(__always) public mutating func append(utf8 buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    public mutating func append(_ value: Int) {
        write(atMost: 20) { $0.writeDecimal(value) }
    }

    /// Decimal digits, left-padded with zeros to `width`.
    public mutating func append(_ value: UInt64, width: Int) {
        write(atMost: max(20, width)) { $0.writeDecimal(value, width: width) }
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

    /// The 8-4-4-4-12 form (every event id and row id goes through here).
    public mutating func appendUUID(_ uuid: DeterministicUUID) {
        write(atMost: 36) { $0.writeUUID(uuid) }
    }

    public mutating func appendHex(_ value: UInt64, digits: Int) {
        write(atMost: digits) { $0.writeHex(value, digits: digits) }
    }
}
