/// A table of the warehouse as the ingestor fills it: its schema (by config key), its
/// columns with the lake field each comes from, its key, and what it references.
public struct WarehouseTable: Sendable, Hashable {
    /// The keys of `database_config.json`'s `schemas`.
    public enum Schema: String, Sendable, Hashable {
        case operations, admissions, transport, transfers, summary
    }

    public struct Column: Sendable, Hashable {
        public let name: String
        /// The lake field (CSV column or event field); nil for a constant.
        public let source: String?
        public let type: ColumnType
        public let nullable: Bool
        public let constant: String?
    }

    /// A foreign key the ingestor checks before loading: a row whose reference is missing waits.
    public struct Reference: Sendable, Hashable {
        public let column: String
        public let table: String
        public let schema: Schema
        public let key: String
    }

    public let schema: Schema
    public let name: String
    public let columns: [Column]
    public let references: [Reference]

    public var columnNames: [String] { columns.map(\.name) }
}

extension WarehouseTable.Column {
    static func from(_ source: String, _ type: ColumnType, as name: String? = nil, nullable: Bool = false) -> Self {
        .init(name: name ?? source.lowercased(), source: source, type: type, nullable: nullable, constant: nil)
    }

    static func constant(_ name: String, _ value: String) -> Self {
        .init(name: name, source: nil, type: .text, nullable: false, constant: value)
    }
}

extension WarehouseTable.Reference {
    static func staff(_ column: String) -> Self { .init(column: column, table: "staff", schema: .operations, key: "staff_id") }
}
