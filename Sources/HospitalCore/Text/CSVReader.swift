/// A strict RFC 4180 reader for the lake's own CSV files. Every error names the line and
/// column (1-based) of the first bad byte or field, so a quarantined file says where it broke.
public struct CSVReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let reason: String

        public init(line: Int, column: Int, reason: String) {
            self.line = line
            self.column = column
            self.reason = reason
        }

        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// A parsed file: the header and the data rows, each with its line number.
    public struct Table: Sendable {
        public let header: [String]
        public let rows: [[String]]
        public let lines: [Int]
    }

    /// Longest line accepted; a longer one is reported instead of read into memory whole.
    public static let maximumLineBytes = 1 << 20

    public static func parse(_ bytes: [UInt8], expecting columns: [String]) throws(Failure) -> Table {
        guard !bytes.isEmpty else { throw Failure(line: 1, column: 1, reason: "empty file") }
        try validateUTF8(bytes)
        guard bytes.last == UInt8(ascii: "\n") else {
            let line = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw Failure(line: line, column: 1, reason: "truncated last line (no line end)")
        }
        var records: [[String]] = []
        var lines: [Int] = []
        var field: [UInt8] = []
        var record: [String] = []
        var line = 1
        var recordLine = 1
        var lineStart = 0
        var index = 0
        var quoted = false
        var wasQuoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if index - lineStart > maximumLineBytes {
                throw Failure(line: line, column: record.count + 1, reason: "line longer than \(maximumLineBytes) bytes")
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = index + 1
                    }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !wasQuoted else {
                        throw Failure(line: line, column: record.count + 1, reason: "quote inside an unquoted field")
                    }
                    quoted = true
                    wasQuoted = true
                case UInt8(ascii: ","):
                    record.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    wasQuoted = false
                case UInt8(ascii: "\n"):
                    record.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    wasQuoted = false
                    records.append(record)
                    lines.append(recordLine)
                    record.removeAll(keepingCapacity: true)
                    line += 1
                    recordLine = line
                    lineStart = index + 1
                case UInt8(ascii: "\r"):
                    throw Failure(line: line, column: record.count + 1, reason: "carriage return (lines must end with \\n)")
                default:
                    guard !wasQuoted else {
                        throw Failure(line: line, column: record.count + 1, reason: "text after a closing quote")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if quoted { throw Failure(line: recordLine, column: record.count + 1, reason: "unclosed quote") }
        let header = records[0]
        for (position, name) in columns.enumerated() {
            guard position < header.count else {
                throw Failure(line: 1, column: position + 1, reason: "missing column '\(name)'")
            }
            guard header[position] == name else {
                throw Failure(line: 1, column: position + 1, reason: "expected column '\(name)', found '\(header[position])'")
            }
        }
        if header.count > columns.count {
            throw Failure(line: 1, column: columns.count + 1, reason: "unexpected extra column '\(header[columns.count])'")
        }
        for (row, fields) in records.enumerated().dropFirst() where fields.count != columns.count {
            let column = min(fields.count, columns.count) + 1
            let reason =
                fields.count < columns.count
                ? "missing field '\(columns[fields.count])' (\(fields.count) of \(columns.count) fields)"
                : "extra field (\(fields.count) fields, \(columns.count) expected)"
            throw Failure(line: lines[row], column: column, reason: reason)
        }
        return Table(header: header, rows: Array(records.dropFirst()), lines: Array(lines.dropFirst()))
    }

    /// Rejects bytes that are not UTF-8, naming where the first bad sequence starts.
    static func validateUTF8(_ bytes: [UInt8]) throws(Failure) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            let valid =
                length > 0 && index + length <= bytes.count
                && bytes[(index + 1)..<(index + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            guard valid else {
                let column = bytes[lineStart..<index].reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
                throw Failure(line: line, column: column, reason: "invalid UTF-8 at byte \(index - lineStart + 1) of the line")
            }
            index += length
        }
    }
}
