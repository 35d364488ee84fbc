import CLibPQ

extension PQConnection {
    /// Whether a transaction block is open on this session (idle in it, not failed).
    public var isInTransaction: Bool { withUnsafeHandle { PQtransactionStatus($0) } == PQTRANS_INTRANS }

    /// Runs `body` as one unit: its own transaction when none is open, or a savepoint inside
    /// the open one, so that a caller can load one file alone or several files in one
    /// transaction with the same code. Any error undoes `body`'s work, and only that, and
    /// is rethrown; the open transaction stays usable.
    public func atomically<Result>(_ body: (PQConnection) throws -> Result) throws -> Result {
        guard isInTransaction else { return try transaction(body) }
        try execute("SAVEPOINT unit")
        do {
            let value = try body(self)
            try execute("RELEASE SAVEPOINT unit")
            return value
        } catch {
            // A lost session has rolled back everything already; the original error says more.
            _ = try? execute("ROLLBACK TO SAVEPOINT unit")
            _ = try? execute("RELEASE SAVEPOINT unit")
            throw error
        }
    }
}
