/// A strict RFC 4180 reader for the lake's own CSV files. Every error names the line and
/// column (1-based) of the first bad byte or field, so a quarantined file says where it broke.
///
/// `scan` hands over each data record as spans of the file's bytes, so a caller that only
/// re-encodes fields (the producer turns every outbox row into JSON) builds no strings;
/// `parse` is the same scan collected into strings.
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
        var rows: [[String]] = []
        var lines: [Int] = []
        try scan(bytes, expecting: columns) { record throws(Failure) in
            rows.append((0..<record.count).map(record.string))
            lines.append(record.line)
        }
        return Table(header: columns, rows: rows, lines: lines)
    }

    /// Checks the whole file's encoding and ending, the header against `columns`, then
    /// calls `body` with each data record in order; the first fault stops the scan.
    public static func scan(
        _ bytes: [UInt8], expecting columns: [String], _ body: (CSVRecord) throws(Failure) -> Void
    ) throws(Failure) {
        guard !bytes.isEmpty else { throw Failure(line: 1, column: 1, reason: "empty file") }
        try refuseByteOrderMark(bytes)
        try validateUTF8(bytes)
        guard bytes.last == UInt8(ascii: "\n") else {
            let line = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw Failure(line: line, column: 1, reason: "truncated last line (no line end)")
        }
        var splitter = RecordSplitter()
        var record = CSVRecord(bytes: bytes, line: 1)
        record.spans.reserveCapacity(columns.count)
        var isHeader = true
        let count = bytes.count
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var index = 0
            while index < count {
                guard try splitter.step(buffer, at: &index, into: &record) else { continue }
                if isHeader {
                    try checkHeader(record, columns)
                    isHeader = false
                } else {
                    do throws(Failure) {
                        try checkFieldCount(record, columns)
                    } catch {
                        // A record that ran over several lines lost its shape to a quote.
                        if splitter.line > record.line + 1, splitter.quoteLine >= record.line { throw splitter.unclosed(error.reason) }
                        throw error
                    }
                    try body(record)
                }
                record.spans.removeAll(keepingCapacity: true)
                record.line = splitter.line
            }
        }
        if splitter.quoted { throw splitter.unclosed("unclosed quote at the end of the file") }
    }

    /// A UTF-8 byte-order mark is invisible in an editor and in a quoted header, so it is
    /// named for what it is: lake files are UTF-8 without one.
    public static func refuseByteOrderMark(_ bytes: [UInt8]) throws(Failure) {
        guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return }
        throw Failure(line: 1, column: 1, reason: "U+FEFF byte-order mark at the start of the file: lake files are UTF-8 without one")
    }

    private static func checkHeader(_ header: CSVRecord, _ columns: [String]) throws(Failure) {
        for (position, name) in columns.enumerated() {
            guard position < header.count else {
                throw Failure(line: 1, column: position + 1, reason: "missing column '\(name)'")
            }
            guard header.equals(position, name) else {
                throw Failure(
                    line: 1, column: position + 1, reason: "expected column '\(name)', found '\(EscapedText.of(header.string(position)))'")
            }
        }
        if header.count > columns.count {
            throw Failure(
                line: 1, column: columns.count + 1, reason: "unexpected extra column '\(EscapedText.of(header.string(columns.count)))'")
        }
    }

    private static func checkFieldCount(_ record: CSVRecord, _ columns: [String]) throws(Failure) {
        let fields = record.count
        guard fields != columns.count else { return }
        let reason =
            fields < columns.count
            ? "missing field '\(columns[fields])' (\(fields) of \(columns.count) fields)"
            : "extra field (\(fields) fields, \(columns.count) expected)"
        throw Failure(line: record.line, column: min(fields, columns.count) + 1, reason: reason)
    }

    /// Rejects bytes that are not UTF-8, naming where the first bad sequence starts. Runs of
    /// ASCII, nearly all of a lake file, are passed eight bytes at a time; lines are counted
    /// only to name a bad sequence.
    static func validateUTF8(_ bytes: [UInt8]) throws(Failure) {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var index = 0
            while index < buffer.count {
                if index + 8 <= buffer.count,
                    UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
                let valid =
                    length > 0 && index + length <= buffer.count
                    && buffer[(index + 1)..<(index + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                    && String(validating: buffer[index..<(index + length)], as: UTF8.self) != nil
                guard valid else { throw invalidUTF8(buffer, at: index) }
                index += length
            }
        }
    }

    private static func invalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Failure {
        let before = bytes[..<index]
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let column = bytes[lineStart..<index].reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
        return Failure(line: line, column: column, reason: "invalid UTF-8 at byte \(index - lineStart + 1) of the line")
    }
}
