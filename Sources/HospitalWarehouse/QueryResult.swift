/// What a statement returned, copied out of libpq into plain values.
///
/// Values are text (`PQexecParams` in text format): the warehouse loads and checks data
/// rather than computing on it, and text keeps NULL, numeric and timestamp handling
/// exactly as PostgreSQL prints them.
public struct QueryResult: Sendable, Equatable {
    /// Column names in result order.
    public var columns: [String]
    /// One array per row, `nil` for SQL NULL.
    public var rows: [[String?]]
    /// Rows inserted, updated, deleted, copied or selected, from the command tag.
    public var affectedRows: Int
    /// The server's command tag, e.g. `INSERT 0 1`, `COPY 100000`, `ROLLBACK`.
    public var commandTag: String

    public init(columns: [String], rows: [[String?]], affectedRows: Int, commandTag: String) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// The first column of the first row: the common `SELECT count(*)` shape.
    public var firstValue: String? {
        rows.first?.first ?? nil
    }
}
