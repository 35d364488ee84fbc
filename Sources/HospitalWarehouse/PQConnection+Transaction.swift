import CLibPQ

extension PQConnection {
    /// Runs `body` inside BEGIN/COMMIT; any error thrown rolls back and is rethrown.
    ///
    /// A COMMIT of a transaction that already failed (a statement error the body caught
    /// and swallowed) is silently turned into ROLLBACK by PostgreSQL; we check the command
    /// tag and throw, so "returned normally" always means "committed".
    public func transaction<Result>(_ body: (PQConnection) throws -> Result) throws -> Result {
        let status = withUnsafeHandle { PQtransactionStatus($0) }
        guard status == PQTRANS_IDLE else {
            // UNKNOWN is libpq's answer for a connection already found broken: a lost session,
            // for the caller to reconnect, not a nesting mistake to stop on.
            if status == PQTRANS_UNKNOWN {
                throw PostgresError(kind: .connection, operation: "BEGIN", message: "the connection to the server is lost")
            }
            throw PostgresError(
                kind: .client, operation: "BEGIN",
                message: "a transaction is already open on this connection (nesting is not supported)")
        }
        try execute("BEGIN")
        let value: Result
        do {
            value = try body(self)
        } catch {
            // The original error matters more than a failed ROLLBACK; if the connection is
            // gone the server has rolled back anyway.
            _ = try? execute("ROLLBACK")
            throw error
        }
        try commit()
        return value
    }

    /// Commits the open transaction. A COMMIT of a transaction that already failed is
    /// silently turned into ROLLBACK by PostgreSQL; the command tag says so, and this throws.
    public func commit() throws {
        guard try execute("COMMIT").commandTag == "COMMIT" else {
            throw PostgresError(
                kind: .server, operation: "COMMIT",
                message: "transaction was rolled back by the server because a statement in it failed",
                sqlState: "25P02")
        }
    }
}
