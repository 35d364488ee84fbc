import Foundation

/// The pure half of the ingestor: a lake file's bytes become validated rows for its tables.
/// Every constraint of the warehouse is checked here first (types, NULLs, checks, lengths,
/// NUL bytes, duplicate keys), since PostgreSQL's COPY stops at the first bad row and names
/// no lake line. A CSV file is one unit: its first fault refuses it. A stream file is a
/// chunk of independent events: a bad line is set aside alone and the rest goes on.
public enum FileTransform {
    /// A file's rows, and the lines of a stream file that were set aside with their reasons.
    public struct Result: Sendable {
        public var tables: [TableRows]
        public var rejected: [CSVReader.Failure]
    }

    /// All rows of a file, or its first fault.
    public static func rows(_ kind: IngestFile.Kind, bytes: [UInt8]) throws(CSVReader.Failure) -> [TableRows] {
        let result = try transform(kind, bytes: bytes)
        if let first = result.rejected.first { throw first }
        return result.tables
    }

    /// Rows of a file; `calendar`, when given, refuses events dated outside it.
    public static func transform(_ kind: IngestFile.Kind, bytes: [UInt8], calendar: SimCalendar? = nil) throws(CSVReader.Failure)
        -> Result
    {
        if let columns = kind.columns { return Result(tables: try csvRows(kind, columns: columns, bytes: bytes), rejected: []) }
        return try eventRows(kind, bytes: bytes, calendar: calendar)
    }

    static func csvRows(_ kind: IngestFile.Kind, columns: [String], bytes: [UInt8]) throws(CSVReader.Failure) -> [TableRows] {
        let table = try CSVReader.parse(bytes, expecting: columns)
        guard !table.rows.isEmpty else { throw CSVReader.Failure(line: 2, column: 1, reason: "no data rows (header only)") }
        var outputs = kind.tables.map { TableRows(table: $0) }
        for target in outputs.indices {
            let positions = outputs[target].table.columns.map { column in column.source.map { columns.firstIndex(of: $0)! } }
            var keys = KeyIndex(
                outputs[target].table, positions: positions.map { ($0 ?? 0) + 1 }, exactRepeats: outputs[target].table.repeats)
            for (index, fields) in table.rows.enumerated() {
                let line = table.lines[index]
                var row: [String?] = []
                for (column, position) in zip(outputs[target].table.columns, positions) {
                    guard let position else {
                        row.append(column.constant)
                        continue
                    }
                    row.append(try value(Substring(fields[position]), column: column, line: line, position: position + 1))
                }
                try check(row, outputs[target].table, line: line, positions: positions.map { ($0 ?? 0) + 1 })
                guard try keys.isNew(row, line: line, rows: outputs[target].rows) else { continue }
                outputs[target].rows.append(row)
                outputs[target].lines.append(line)
            }
        }
        return outputs
    }

    /// JSON Lines of events: each line one object whose fields carry the lake's column names.
    static func eventRows(_ kind: IngestFile.Kind, bytes: [UInt8], calendar: SimCalendar?) throws(CSVReader.Failure) -> Result {
        guard !bytes.isEmpty else { throw CSVReader.Failure(line: 1, column: 1, reason: "empty file") }
        var output = TableRows(table: kind.tables[0])
        var rejected: [CSVReader.Failure] = []
        let columns = output.table.columns
        let positions = Array(1...columns.count)
        var keys = KeyIndex(output.table, positions: positions, exactRepeats: true)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            do throws(CSVReader.Failure) {
                guard index < lines.count - 1 || bytes.last == UInt8(ascii: "\n") else {
                    throw CSVReader.Failure(line: number, column: 1, reason: "truncated last line (no line end)")
                }
                let row = try eventRow(kind, line: Array(line), number: number, columns: columns, calendar: calendar)
                try check(row, output.table, line: number, positions: positions)
                guard try keys.isNew(row, line: number, rows: output.rows) else { continue }
                output.rows.append(row)
                output.lines.append(number)
            } catch {
                rejected.append(error)
            }
        }
        return Result(tables: [output], rejected: rejected)
    }

    private static func eventRow(
        _ kind: IngestFile.Kind, line: [UInt8], number: Int, columns: [WarehouseTable.Column], calendar: SimCalendar?
    )
        throws(CSVReader.Failure) -> [String?]
    {
        guard line.count <= CSVReader.maximumLineBytes else {
            throw CSVReader.Failure(line: number, column: 1, reason: "line longer than \(CSVReader.maximumLineBytes) bytes")
        }
        guard JSONLineValidator.isObject(line), let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
        else {
            throw CSVReader.Failure(line: number, column: 1, reason: "not a JSON object")
        }
        let fields = kind == .summaries ? (object["summary"] as? [String: Any] ?? [:]) : object
        var row: [String?] = []
        for (position, column) in columns.enumerated() {
            let name = column.source ?? column.name
            let found = column.name == "event_id" || column.name == "sim_date" || column.name == "session" ? object[name] : fields[name]
            let text = try jsonText(found, name: name, line: number, position: position + 1)
            let value = try value(text, column: column, line: number, position: position + 1)
            if let calendar, column.type == .date, column.name == "sim_date" || column.name == "summary_date",
                let date = value.flatMap({ SimDate(iso: $0) }), !calendar.contains(date)
            {
                throw CSVReader.Failure(
                    line: number, column: position + 1,
                    reason: "'\(name)' \(date) is outside the calendar \(calendar.start)..\(calendar.end)")
            }
            row.append(value)
        }
        return row
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
        let name = column.source ?? column.name
        if text.isEmpty {
            guard column.nullable else { throw CSVReader.Failure(line: line, column: position, reason: "'\(name)' is empty") }
            return nil
        }
        guard text.utf8.count <= WarehouseTable.maximumFieldBytes else {
            throw CSVReader.Failure(
                line: line, column: position, reason: "'\(name)' is longer than \(WarehouseTable.maximumFieldBytes) bytes")
        }
        guard !text.utf8.contains(0) else {
            throw CSVReader.Failure(line: line, column: position, reason: "'\(name)' holds a NUL byte, which PostgreSQL cannot store")
        }
        guard column.type.accepts(text) else {
            throw CSVReader.Failure(
                line: line, column: position, reason: "'\(name)' is not \(column.type.name): '\(EscapedText.of(text, limit: 40))'")
        }
        return String(text)
    }

    /// The CHECK constraints, once the row is whole (one compares two of its columns).
    private static func check(_ row: [String?], _ table: WarehouseTable, line: Int, positions: [Int]) throws(CSVReader.Failure) {
        for (index, column) in table.columns.enumerated() {
            guard let check = column.check, let value = row[index] else { continue }
            let passes = check.accepts(Substring(value)) { other in
                table.columns.firstIndex { $0.name == other }.flatMap { row[$0] }
            }
            guard passes else {
                throw CSVReader.Failure(
                    line: line, column: positions[index],
                    reason: check.describe(column.source ?? column.name) + ": '\(EscapedText.of(value, limit: 40))'")
            }
        }
    }

    /// The keys a file has given so far, to refuse a second row with the same key. With
    /// `exactRepeats` (a `repeats` table, or events, which are delivered at least once) a row
    /// repeated exactly collapses into the first.
    private struct KeyIndex {
        let table: WarehouseTable
        let key: [Int]
        let positions: [Int]
        let exactRepeats: Bool
        var seen: [[String?]: (line: Int, index: Int)] = [:]
        /// The lines that gave each value of each `unique` column, by column.
        var uniqueSeen: [Int: [String: Int]] = [:]

        init(_ table: WarehouseTable, positions: [Int], exactRepeats: Bool) {
            self.table = table
            key = table.key.map { name in table.columns.firstIndex { $0.name == name }! }
            self.positions = positions
            self.exactRepeats = exactRepeats
        }

        /// True for a row whose key is new; false for an exact repeat where one is allowed.
        mutating func isNew(_ row: [String?], line: Int, rows: [[String?]]) throws(CSVReader.Failure) -> Bool {
            let value = key.map { row[$0] }
            guard let first = seen[value] else {
                try checkUnique(row, line: line)
                seen[value] = (line, rows.count)
                return true
            }
            let exact = rows[first.index] == row
            if exact && exactRepeats { return false }
            let names = table.key.joined(separator: ", ")
            throw CSVReader.Failure(
                line: line, column: positions[key[0]],
                reason: (exact || !table.repeats ? "duplicate key (\(names))" : "conflicting rows for key (\(names))")
                    + " = (\(value.map { EscapedText.of($0 ?? "", limit: 40) }.joined(separator: ", "))) of line \(first.line)")
        }

        /// A new key whose `unique` column repeats an earlier row's value.
        private mutating func checkUnique(_ row: [String?], line: Int) throws(CSVReader.Failure) {
            for name in table.unique {
                let column = table.columns.firstIndex { $0.name == name }!
                guard let value = row[column] else { continue }
                if let earlier = uniqueSeen[column]?[value] {
                    throw CSVReader.Failure(
                        line: line, column: positions[column],
                        reason: "duplicate key (\(name)) = (\(EscapedText.of(value, limit: 40))) of line \(earlier)")
                }
                uniqueSeen[column, default: [:]][value] = line
            }
        }
    }
}
