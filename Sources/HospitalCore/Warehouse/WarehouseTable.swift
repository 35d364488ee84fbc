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
        public var check: ColumnCheck? = nil
    }

    /// A foreign key the ingestor checks before loading: a row whose reference is missing waits
    /// while its supplier can still arrive, and is refused when it cannot.
    public struct Reference: Sendable, Hashable {
        public let column: String
        public let table: String
        public let schema: Schema
        public let key: String
    }

    public let schema: Schema
    public let name: String
    public let columns: [Column]
    /// The primary key's columns: a file never holds two rows with the same key, unless the
    /// table `repeats` and the rows are the same.
    public let key: [String]
    public let references: [Reference]
    /// A dimension every row of its file mentions again (the patient of each visit): equal
    /// rows collapse into one, rows that disagree are refused.
    public var repeats = false
    /// Columns other than the key that the schema declares UNIQUE (a transport's
    /// `transport_id`): a second row with one of these values is a conflict too, in a file and
    /// against the warehouse.
    public var unique: [String] = []

    public var columnNames: [String] { columns.map(\.name) }

    /// The longest field a lake file may carry, in bytes, batch and stream alike: the longest
    /// the generator writes (a day's units in the summary) is far below it, and a longer one
    /// is a fault, never a value to store.
    public static let maximumFieldBytes = 16 << 10
}

extension WarehouseTable.Column {
    static func from(
        _ source: String, _ type: ColumnType, as name: String? = nil, nullable: Bool = false, check: ColumnCheck? = nil
    ) -> Self {
        .init(name: name ?? source.lowercased(), source: source, type: type, nullable: nullable, constant: nil, check: check)
    }

    static func constant(_ name: String, _ value: String) -> Self {
        .init(name: name, source: nil, type: .text, nullable: false, constant: value)
    }
}

extension WarehouseTable.Reference {
    static func staff(_ column: String) -> Self { .init(column: column, table: "staff", schema: .operations, key: "staff_id") }
    static func department(_ column: String) -> Self {
        .init(column: column, table: "departments", schema: .operations, key: "department")
    }
    static func unit(_ column: String) -> Self { .init(column: column, table: "care_units", schema: .operations, key: "unit") }
    static func patient(_ column: String = "patient_id") -> Self {
        .init(column: column, table: "patients", schema: .admissions, key: "patient_id")
    }
    static func condition(_ column: String = "condition") -> Self {
        .init(column: column, table: "medical_conditions", schema: .admissions, key: "condition")
    }
    static func visit(_ column: String = "visit_id") -> Self {
        .init(column: column, table: "visits", schema: .admissions, key: "visit_id")
    }
}
