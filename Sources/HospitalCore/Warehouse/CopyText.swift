/// PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes.
public enum CopyText {
    /// Rows with a leading line-number column, as the ingestor's staging tables hold them.
    public static func encode(_ rows: TableRows) -> [UInt8] {
        var text = ByteText(capacity: rows.rows.count * 160)
        for (row, line) in zip(rows.rows, rows.lines) {
            text.append(line)
            for value in row {
                text.append(UInt8(ascii: "\t"))
                guard let value else {
                    text.append("\\N")
                    continue
                }
                for byte in value.utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): text.append("\\\\")
                    case UInt8(ascii: "\t"): text.append("\\t")
                    case UInt8(ascii: "\n"): text.append("\\n")
                    case UInt8(ascii: "\r"): text.append("\\r")
                    default: text.append(byte)
                    }
                }
            }
            text.append(UInt8(ascii: "\n"))
        }
        return text.bytes
    }
}
