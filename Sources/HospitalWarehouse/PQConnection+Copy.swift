import CLibPQ

extension PQConnection {
    /// Streams `chunks` into `copySQL` (a `COPY … FROM STDIN` statement) and returns the
    /// number of rows the server stored.
    ///
    /// COPY is all-or-nothing: if the server rejects any row (bad value, constraint), it
    /// stores none and this throws that row's `PostgresError` (e.g. 22P02), whose
    /// `context` names the line and column. The verdict arrives after the last chunk:
    /// libpq only reads the server's answer once the stream ends, and the server skips
    /// the remaining data cheaply.
    public func copyIn(_ copySQL: String, chunks: some Sequence<[UInt8]>) throws -> Int {
        try copyIn(copySQL) { writer in
            for chunk in chunks { try writer.write(chunk) }
        }
    }

    /// Like `copyIn(_:chunks:)`, with a closure that writes the data itself, so producers
    /// that fail (a file read error, a validation error) can throw: the COPY is then
    /// cancelled with CopyFail, nothing is stored, and the closure's error is rethrown.
    public func copyIn(_ copySQL: String, _ produce: (inout CopyWriter) throws -> Void) throws -> Int {
        let start = try send(copySQL, [], operation: "COPY")
        switch start.status {
        case PGRES_COPY_IN:
            break
        case PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(status: start.status, reason: "expected COPY FROM STDIN")
            throw PostgresError(kind: .client, operation: "COPY", message: "statement is not a COPY … FROM STDIN")
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
            throw verdict(start, operation: "COPY")
        default:
            throw PostgresError(kind: .client, operation: "COPY", message: "statement is not a COPY … FROM STDIN")
        }

        var writer = CopyWriter(connection: self)
        do {
            try produce(&writer)
        } catch {
            // Harmless when the stream already failed inside `write`: libpq then answers
            // "no COPY in progress" and there is nothing left to drain.
            abandonCopy(status: PGRES_COPY_IN, reason: "client cancelled COPY")
            throw error
        }

        let ended = withUnsafeHandle { PQputCopyEnd($0, nil) }
        guard ended == 1 else { throw copyFailure() }
        return try finishCopy()
    }

    /// Collects the COPY's outcome: the first result is its verdict, the rest is drained.
    private func finishCopy() throws -> Int {
        guard let raw = withUnsafeHandle({ PQgetResult($0) }) else {
            throw failure(operation: "COPY")
        }
        let outcome = PQResult(taking: raw)
        drainResults()
        guard outcome.status == PGRES_COMMAND_OK else {
            throw verdict(outcome, operation: "COPY")
        }
        return outcome.affectedRows
    }

    /// The error after libpq refused copy data or the end of the stream. The server's
    /// own error, when one is waiting, says more than libpq's "could not send data", so
    /// it is preferred.
    func copyFailure() -> PostgresError {
        let libpqError = failure(operation: "COPY")
        let serverError: PostgresError? = withUnsafeHandle { connection in
            var found: PostgresError?
            while let raw = PQgetResult(connection) {
                let result = PQResult(taking: raw)
                if found == nil, result.status == PGRES_FATAL_ERROR { found = verdict(result, operation: "COPY") }
            }
            return found
        }
        return serverError ?? libpqError
    }
}
