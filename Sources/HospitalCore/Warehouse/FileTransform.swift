import Foundation

/// Rows for one warehouse table, with the file line each came from.
public struct TableRows: Sendable {
    public let table: WarehouseTable
    public var rows: [[String?]] = []
    public var lines: [Int] = []
}

/// The pure half of the ingestor: a lake file's bytes become validated rows for its tables,
/// or a `CSVReader.Failure` naming the line and column of the first bad value. Nothing
/// reaches PostgreSQL that its COPY would reject for a type.
public enum FileTransform {
    public static func rows(_ kind: IngestFile.Kind, bytes: [UInt8]) throws(CSVReader.Failure) -> [TableRows] {
        if let columns = kind.columns { return try csvRows(kind, columns: columns, bytes: bytes) }
        return try eventRows(kind, bytes: bytes)
    }

    static func csvRows(_ kind: IngestFile.Kind, columns: [String], bytes: [UInt8]) throws(CSVReader.Failure) -> [TableRows] {
        let table = try CSVReader.parse(bytes, expecting: columns)
        guard !table.rows.isEmpty else { throw CSVReader.Failure(line: 2, column: 1, reason: "no data rows (header only)") }
        var outputs = kind.tables.map { TableRows(table: $0) }
        for (index, fields) in table.rows.enumerated() {
            let line = table.lines[index]
            for target in outputs.indices {
                var row: [String?] = []
                for column in outputs[target].table.columns {
                    guard let source = column.source else {
                        row.append(column.constant)
                        continue
                    }
                    let position = columns.firstIndex(of: source)!
                    row.append(try value(Substring(fields[position]), column: column, line: line, position: position + 1))
                }
                outputs[target].rows.append(row)
                outputs[target].lines.append(line)
            }
        }
        return outputs
    }

    /// JSON Lines of events: each line one object whose fields carry the lake's column names.
    static func eventRows(_ kind: IngestFile.Kind, bytes: [UInt8]) throws(CSVReader.Failure) -> [TableRows] {
        guard !bytes.isEmpty else { throw CSVReader.Failure(line: 1, column: 1, reason: "empty file") }
        try CSVReader.validateUTF8(bytes)
        guard bytes.last == UInt8(ascii: "\n") else {
            throw CSVReader.Failure(
                line: bytes.split(separator: UInt8(ascii: "\n")).count, column: 1, reason: "truncated last line (no line end)")
        }
        var output = TableRows(table: kind.tables[0])
        let columns = output.table.columns
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().enumerated() {
            let number = index + 1
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw CSVReader.Failure(line: number, column: 1, reason: "not a JSON object")
            }
            let fields = kind == .summaries ? (object["summary"] as? [String: Any] ?? [:]) : object
            var row: [String?] = []
            for (position, column) in columns.enumerated() {
                let name = column.source ?? column.name
                let found = column.name == "event_id" || column.name == "sim_date" || column.name == "session" ? object[name] : fields[name]
                row.append(
                    try value(
                        jsonText(found, name: name, line: number, position: position + 1), column: column, line: number,
                        position: position + 1))
            }
            output.rows.append(row)
            output.lines.append(number)
        }
        return [output]
    }

    private static func jsonText(_ value: Any?, name: String, line: Int, position: Int) throws(CSVReader.Failure) -> Substring {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return Substring(text)
        case let number as NSNumber where number.doubleValue == number.doubleValue.rounded():
            return Substring(String(number.int64Value))
        case let array as [Any]:
            guard let data = try? JSONSerialization.data(withJSONObject: array, options: [.sortedKeys]) else { return "" }
            return Substring(String(decoding: data, as: UTF8.self))
        default:
            throw CSVReader.Failure(line: line, column: position, reason: "'\(name)' has an unexpected JSON type")
        }
    }

    private static func value(_ text: Substring, column: WarehouseTable.Column, line: Int, position: Int) throws(CSVReader.Failure)
        -> String?
    {
        if text.isEmpty {
            guard column.nullable else {
                throw CSVReader.Failure(line: line, column: position, reason: "'\(column.source ?? column.name)' is empty")
            }
            return nil
        }
        guard column.type.accepts(text) else {
            throw CSVReader.Failure(
                line: line, column: position, reason: "'\(column.source ?? column.name)' is not \(column.type.name): '\(text.prefix(40))'")
        }
        return String(text)
    }
}
