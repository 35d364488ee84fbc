/// PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes.
public enum CopyText {
    /// Rows with a leading line-number column, as the ingestor's staging tables hold them,
    /// or (`lines: false`) as the warehouse table itself holds them.
    public static func encode(_ rows: TableRows, lines: Bool = true) -> [UInt8] {
        var text = ByteText(capacity: rows.rows.count * 160)
        for (row, line) in zip(rows.rows, rows.lines) {
            if lines { text.append(line) }
            for (index, value) in row.enumerated() {
                if lines || index > 0 { text.append(UInt8(ascii: "\t")) }
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
