/// Writes the event of one CSV row: the template's bytes and the row's cells, read from the
/// file's bytes where the CSV scan found them. A plain cell is copied as it is; only a cell
/// the scan flagged (quoted, a backslash, a control byte) is looked at byte by byte.
struct RowEventWriter {
    private let shared: EventTemplate
    private let template: UnsafeBufferPointer<UInt8>
    private let file: UnsafeBufferPointer<UInt8>
    /// An event's bytes besides its cells, and 20 a cell (a number, or `null`).
    private let fixedBytes: Int

    /// `template` holds `shared.bytes`, `file` the bytes the records were scanned from.
    init(_ shared: EventTemplate, template: UnsafeBufferPointer<UInt8>, file: UnsafeBufferPointer<UInt8>) {
        self.shared = shared
        self.template = template
        self.file = file
        fixedBytes = shared.bytes.count + 36 + 1 + 20 * shared.columns.count
    }

    /// No event is longer: a cell byte takes at most six (`\u00XX`).
    func maxBytes(_ record: CSVRecord) -> Int { fixedBytes + 6 * record.byteCount }

    func write(_ record: CSVRecord, id: DeterministicUUID, into out: inout ByteWriter) throws(CSVReader.Failure) {
        out.write(template[shared.head])
        out.writeUUID(id)
        out.write(template[shared.tail])
        for column in shared.columns.indices {
            out.write(template[shared.names[column]])
            let span = record.spans[column]
            if span.isPlain {
                try writeCell(UnsafeBufferPointer(rebasing: file[span.start..<span.end]), isPlain: true, column, of: record, into: &out)
            } else {
                try record.withUTF8(column) { value throws(CSVReader.Failure) in
                    try writeCell(value, isPlain: false, column, of: record, into: &out)
                }
            }
        }
        out.write(UInt8(ascii: "}"))
    }

    /// Null when empty, a number in an integer column, else a string.
    private func writeCell(
        _ value: UnsafeBufferPointer<UInt8>, isPlain: Bool, _ column: Int, of record: CSVRecord, into out: inout ByteWriter
    ) throws(CSVReader.Failure) {
        if value.isEmpty {
            out.write(template[shared.null])
        } else if shared.isInteger[column], Self.isCanonicalInteger(value) {
            out.write(value)  // already the number's JSON form
        } else if shared.isInteger[column] {
            guard let number = Int(String(decoding: value, as: UTF8.self)) else {
                throw CSVReader.Failure(
                    line: record.line, column: column + 1,
                    reason: "'\(shared.columns[column])' is not an integer: '\(EscapedText.of(String(decoding: value, as: UTF8.self)))'")
            }
            out.writeDecimal(number)
        } else {
            out.writeJSONString(utf8: value, isPlain: isPlain)
        }
    }

    /// Digits with no sign and no leading zero, few enough for an Int: written as they are,
    /// they are what parsing and printing the number would write.
    private static func isCanonicalInteger(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count <= 18, let first = text.first else { return false }
        return (first != UInt8(ascii: "0") || text.count == 1) && text.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
