import CLibPQ

extension PQConnection {
    /// Runs one statement with `$1…` placeholders; values travel separately from the SQL
    /// text, so they are never parsed as SQL. Parameters are text (`nil` is NULL) and the
    /// server infers their types from context, as it does for `psql`.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> QueryResult {
        let result = try send(sql, parameters, operation: "execute")
        switch result.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result.queryResult()
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(status: result.status, reason: "COPY must go through copyIn")
            throw PostgresError(
                kind: .client, operation: "execute", message: "COPY statements must use copyIn, not execute")
        default:
            throw verdict(result, operation: "execute")
        }
    }

    /// `PQexecParams`, returning the (last) result or the reason libpq produced none.
    /// Using it even without parameters also makes the server refuse several statements
    /// in one string, a cheap guard against injected `; DROP …`.
    func send(_ sql: String, _ parameters: [String?], operation: String) throws -> PQResult {
        if parameters.contains(where: { $0?.utf8.contains(0) ?? false }) {
            throw PostgresError(
                kind: .client, operation: operation, message: "a parameter contains a NUL byte, which text cannot hold")
        }
        let raw = withUnsafeHandle { connection in
            CStringArray(parameters, nullTerminated: false).withPointers { values in
                PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        }
        guard let raw else { throw failure(operation: operation) }
        return PQResult(taking: raw)
    }

    /// Reads and discards every pending result, returning the connection to idle so the
    /// next statement does not see leftovers of a failed one.
    func drainResults() {
        withUnsafeHandle { connection in
            while let leftover = PQgetResult(connection) { PQclear(leftover) }
        }
    }

    /// Leaves a COPY we cannot or will not complete, so the connection stays usable:
    /// COPY IN ends with a client-side failure (the server rolls it back), COPY OUT is read
    /// to its end and thrown away.
    func abandonCopy(status: ExecStatusType, reason: String) {
        withUnsafeHandle { connection in
            if status == PGRES_COPY_OUT {
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(connection, &buffer, 0) >= 0 {
                    PQfreemem(buffer)
                    buffer = nil
                }
            } else {
                _ = PQputCopyEnd(connection, reason)
            }
        }
        drainResults()
    }
}
