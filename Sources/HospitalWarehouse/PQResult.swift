import CLibPQ

/// The single owner of a libpq `PGresult`: every result libpq hands us is cleared exactly
/// once, when this object goes away, even when reading it throws half-way.
final class PQResult {
    private let handle: OpaquePointer

    init(taking handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    var status: ExecStatusType {
        PQresultStatus(handle)
    }

    /// The server's verdict for a failed statement.
    func error(operation: String) -> PostgresError {
        PostgresError(result: handle, operation: operation)
    }

    /// Rows reported by the command tag (`INSERT 0 5`, `COPY 100000`); 0 when it has none.
    var affectedRows: Int {
        Int(String(cString: PQcmdTuples(handle))) ?? 0
    }

    var commandTag: String {
        String(cString: PQcmdStatus(handle))
    }

    /// Copies everything out into Swift values, so nothing refers to C memory afterwards.
    func queryResult() -> QueryResult {
        let rowCount = PQntuples(handle)
        let columnCount = PQnfields(handle)
        let columns = (0..<columnCount).map { String(cString: PQfname(handle, $0)) }
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(handle, row, column) != 0 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(handle, row, column))
                    let bytes = UnsafeRawBufferPointer(start: PQgetvalue(handle, row, column), count: length)
                    values.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            rows.append(values)
        }
        return QueryResult(columns: columns, rows: rows, affectedRows: affectedRows, commandTag: commandTag)
    }
}
