/// A CSV record read by column name. The positions come from the file's columns once, so a
/// row type names the fields it wants and a column added to a file moves no reader.
public struct NamedRecord {
    /// Each column's position in a file's header.
    public struct Positions: Sendable {
        let position: [String: Int]

        public init(_ columns: [String]) {
            position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        }

        func callAsFunction(_ column: String) -> Int {
            guard let field = position[column] else { preconditionFailure("no column '\(column)' in this file") }
            return field
        }
    }

    let record: CSVRecord
    let positions: Positions

    public init(_ record: CSVRecord, _ positions: Positions) {
        self.record = record
        self.positions = positions
    }

    public subscript(_ column: String) -> String { record.string(positions(column)) }

    public func int(_ column: String) -> Int? { Int(self[column]) }

    /// A `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD` field as minutes since 1970-01-01 (`LakeClock`).
    public func minute(_ column: String) -> Int? { record.withUTF8(positions(column)) { LakeClock.minute($0) } }
}
