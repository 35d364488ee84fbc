/// One record of a CSV file: its fields as spans of the file's bytes, surrounding quotes
/// removed. Reading a field as bytes copies nothing unless it holds doubled quotes.
public struct CSVRecord {
    struct Span {
        var start: Int
        var end: Int
        var doubledQuotes: Bool
        /// Unquoted, with no backslash and no control byte: the field is its own JSON string
        /// content, so the event encoder copies it without looking at each byte again.
        var isPlain: Bool
    }

    let bytes: [UInt8]
    var spans: [Span] = []
    /// The line the record starts on (1-based); a quoted line break makes a record span lines.
    public internal(set) var line: Int

    init(bytes: [UInt8], line: Int) {
        self.bytes = bytes
        self.line = line
    }

    public var count: Int { spans.count }

    /// From the first field's content to the last's: no less than all fields' bytes together.
    var byteCount: Int { spans.isEmpty ? 0 : spans[spans.count - 1].end - spans[0].start }

    public func isEmpty(_ field: Int) -> Bool { spans[field].start == spans[field].end }

    public func string(_ field: Int) -> String { withUTF8(field) { String(decoding: $0, as: UTF8.self) } }

    func equals(_ field: Int, _ text: String) -> Bool { withUTF8(field) { $0.elementsEqual(text.utf8) } }

    /// The field's bytes, with a quoted field's doubled quotes made single.
    public func withUTF8<Result, Failure: Error>(
        _ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let span = spans[field]
        if span.doubledQuotes {
            var single: [UInt8] = []
            var index = span.start
            while index < span.end {
                single.append(bytes[index])
                index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
            }
            return try single.withUnsafeBufferPointer(body)
        }
        return try bytes.withUnsafeBufferPointer { all throws(Failure) in
            try body(UnsafeBufferPointer(rebasing: all[span.start..<span.end]))
        }
    }
}

/// The byte-level state of `CSVReader.scan` between records: the line being read and where
/// the current field's content begins and ends.
struct RecordSplitter {
    private(set) var line = 1
    private(set) var quoted = false
    /// Where the last quoted field opened: a quote that is never closed swallows the lines
    /// after it, and the fault is named where it began, not where it was noticed.
    private(set) var quoteLine = 0
    private(set) var quoteColumn = 0
    private var lineStart = 0
    private var wasQuoted = false
    private var doubledQuotes = false
    private var needsEscape = false
    private var fieldStart = 0
    private var contentEnd = 0

    /// Consumes bytes through the end of one record, adding its fields to `record`; false
    /// when the bytes ran out first.
    mutating func step(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, into record: inout CSVRecord
    ) throws(CSVReader.Failure) -> Bool {
        while index < bytes.count {
            skipPlainBytes(bytes, at: &index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if index - lineStart > CSVReader.maximumLineBytes {
                throw failure(record, "line longer than \(CSVReader.maximumLineBytes) bytes")
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        doubledQuotes = true
                        index += 1
                    } else {
                        quoted = false
                        contentEnd = index
                    }
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    guard index == fieldStart, !wasQuoted else { throw failure(record, "quote inside an unquoted field") }
                    quoted = true
                    wasQuoted = true
                    quoteLine = line
                    quoteColumn = record.count + 1
                    fieldStart = index + 1
                case UInt8(ascii: ","):
                    endField(at: index, into: &record)
                case UInt8(ascii: "\n"):
                    endField(at: index, into: &record)
                    line += 1
                    lineStart = index + 1
                    index += 1
                    return true
                case UInt8(ascii: "\r"):
                    throw failure(record, "carriage return (lines must end with \\n)")
                default:
                    guard !wasQuoted else { throw failure(record, "text after a closing quote") }
                    if byte < 0x20 || byte == UInt8(ascii: "\\") { needsEscape = true }
                }
            }
            index += 1
        }
        return false
    }

    /// Passes the bytes that cannot end or quote a field, nearly all of a file: above ','
    /// but a backslash outside quotes (it would need escaping in JSON), anything but '"' and
    /// a line feed inside.
    private func skipPlainBytes(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) {
        let end = min(bytes.count, lineStart + CSVReader.maximumLineBytes + 1)
        if quoted {
            while index < end, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        } else if !wasQuoted {
            while index < end, bytes[index] > UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        }
    }

    private mutating func endField(at index: Int, into record: inout CSVRecord) {
        record.spans.append(
            .init(
                start: fieldStart, end: wasQuoted ? contentEnd : index, doubledQuotes: doubledQuotes,
                isPlain: !wasQuoted && !needsEscape))
        fieldStart = index + 1
        wasQuoted = false
        doubledQuotes = false
        needsEscape = false
    }

    private func failure(_ record: CSVRecord, _ reason: String) -> CSVReader.Failure {
        if wasQuoted, quoteLine < line { return unclosed(reason) }
        return CSVReader.Failure(line: line, column: record.count + 1, reason: reason)
    }

    /// The fault of a quoted field that ran past its line, named at its opening quote.
    func unclosed(_ reason: String) -> CSVReader.Failure {
        CSVReader.Failure(
            line: quoteLine, column: quoteColumn, reason: "the quote opened here runs on to line \(line) (\(reason))")
    }
}
