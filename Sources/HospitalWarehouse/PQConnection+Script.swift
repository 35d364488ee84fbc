import CLibPQ

extension PQConnection {
    /// Runs a trusted script of several statements (the repository's `db_schema.sql`, with
    /// its DO blocks) through `PQexec`, the one path that accepts more than one statement.
    /// Never for text that holds values: those go through `execute` with placeholders.
    public func executeScript(_ sql: String) throws {
        let raw = withUnsafeHandle { connection in PQexec(connection, sql) }
        guard let raw else { throw failure(operation: "script") }
        let result = PQResult(taking: raw)
        drainResults()
        switch result.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default: throw verdict(result, operation: "script")
        }
    }
}
