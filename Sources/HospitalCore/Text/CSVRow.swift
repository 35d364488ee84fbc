/// RFC 4180 CSV, written field by field into a `ByteText`: comma separated, `\n` line ends,
/// a field quoted only when it holds a comma, quote or line break.
public struct CSVRow {
    private var started = false

    public init() {}

    public static func header(_ columns: [String], into text: inout ByteText) {
        var row = CSVRow()
        for column in columns { row.field(column, into: &text) }
        row.end(into: &text)
    }

    @inline(__always)
    private mutating func separator(_ text: inout ByteText) {
        if started { text.append(UInt8(ascii: ",")) } else { started = true }
    }

    public mutating func field(_ value: String, into text: inout ByteText) {
        separator(&text)
        CSVRow.appendEscaped(value, into: &text)
    }

    public mutating func field(_ value: Int, into text: inout ByteText) {
        separator(&text)
        text.append(value)
    }

    public mutating func field(_ value: Int?, into text: inout ByteText) {
        separator(&text)
        if let value { text.append(value) }
    }

    public mutating func field(_ value: DeterministicUUID?, into text: inout ByteText) {
        separator(&text)
        if let value { text.appendUUID(value) }
    }

    public mutating func field(date value: SimDate?, into text: inout ByteText) {
        separator(&text)
        if let value { text.appendDate(value) }
    }

    public mutating func field(timestamp value: SimMinute?, into text: inout ByteText) {
        separator(&text)
        if let value { text.appendTimestamp(value) }
    }

    public mutating func field(hundredths value: Int, into text: inout ByteText) {
        separator(&text)
        text.appendHundredths(value)
    }

    public mutating func field(_ value: Bool, into text: inout ByteText) {
        separator(&text)
        text.append(value ? "true" : "false")
    }

    /// Writes already-built bytes as one field, quoting them when needed.
    public mutating func field(bytes value: [UInt8], into text: inout ByteText) {
        separator(&text)
        if value.contains(where: CSVRow.needsQuotes) {
            text.append(UInt8(ascii: "\""))
            for byte in value {
                if byte == UInt8(ascii: "\"") { text.append(byte) }
                text.append(byte)
            }
            text.append(UInt8(ascii: "\""))
        } else {
            text.append(bytes: value)
        }
    }

    public mutating func end(into text: inout ByteText) {
        text.append(UInt8(ascii: "\n"))
        started = false
    }

    @inline(__always)
    static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    static func appendEscaped(_ value: String, into text: inout ByteText) {
        if value.utf8.contains(where: needsQuotes) {
            text.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") { text.append(byte) }
                text.append(byte)
            }
            text.append(UInt8(ascii: "\""))
        } else {
            text.append(value)
        }
    }
}
