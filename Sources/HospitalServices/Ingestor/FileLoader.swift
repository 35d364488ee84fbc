import HospitalCore
import HospitalWarehouse

/// Loads one validated file in one transaction, with its ledger row, so a file is loaded
/// exactly once or not at all. The first try is the floor's path: each table is COPY'd
/// straight into the warehouse (dimensions first), and the foreign keys and unique keys
/// check it as they would any COPY. Only when PostgreSQL refuses a row is the file staged,
/// its references probed and the refused row located, to say what is missing or wrong with
/// the lake line it came from; most files never pay for that.
struct FileLoader {
    /// A reference whose row is not in the warehouse: the line holding it, its column and value.
    struct Missing: Equatable {
        let line: Int
        let column: String
        let value: String
        let table: String
    }

    /// An event the warehouse holds already, by `column`, with other content: the staged
    /// row's digest and the stored row's.
    struct Conflict: Equatable {
        let line: Int
        let column: String
        let value: String
        let digest: String
        let stored: String
    }

    enum Outcome: Equatable {
        /// The rows the file added (for a chunk, re-delivered events not counted).
        case loaded(rows: Int)
        /// Events that disagree with the warehouse (`Conflict`): nothing was loaded.
        case conflicting([Conflict])
        /// References not in the warehouse yet, by line: nothing was loaded.
        case missingReferences([Missing])
        /// PostgreSQL refused a row: nothing was loaded.
        case rejected(sqlState: String, constraint: String?, table: String?, line: Int?, message: String)
    }

    /// Files up to this many rows probe their references row by row (see `missing`).
    static let probedRows = 5_000

    let connection: PQConnection
    let schemas: WarehouseSchemas
    let stages: StageTables

    /// A file's column number (1-based) of a warehouse column, for reports.
    static func position(of column: String, in kind: IngestFile.Kind, tables: [TableRows]) -> Int {
        for rows in tables {
            guard let index = rows.table.columns.firstIndex(where: { $0.name == column }) else { continue }
            let source = rows.table.columns[index].source ?? column
            return (kind.columns?.firstIndex(of: source) ?? index) + 1
        }
        return 1
    }

    /// `omitting` lines are left out (events set aside); `allMissing` lists every missing
    /// reference rather than the first (a stream chunk sets each such event aside).
    func load(
        _ tables: [TableRows], kind: IngestFile.Kind, file: String, sha256: String, rows: Int, omitting: Set<Int> = [],
        allMissing: Bool = false
    ) throws -> Outcome {
        let tables = omitting.isEmpty ? tables : tables.map { $0.omitting(omitting) }
        // A file loaded alone commits here, and its staged rows go with the commit; in a
        // group's transaction they stay until the group commits (`LoadGroup`).
        let alone = !connection.isInTransaction
        defer { if alone { stages.emptied() } }
        var tries = 1
        while true {
            do {
                try stages.create(tables.map(\.table).filter { kind.sharesRows($0) }, on: connection)
                if let loaded = try direct(tables, kind: kind, file: file, sha256: sha256, rows: rows) { return loaded }
                try stages.create(tables.map(\.table), on: connection)
                return try careful(tables, kind: kind, file: file, sha256: sha256, rows: rows, allMissing: allMissing)
            } catch let error as PostgresError where error.isConflictBetweenSessions && alone && tries < 5 {
                // A deadlock or serialization failure between workers is no verdict on the
                // file: the server rolled it back, and a file loaded alone is tried again (in a
                // group, the pass commits the group first: `BatchIngestor`).
                tries += 1
            }
        }
    }

    /// The happy path: every table COPY'd into place, nothing probed; nil when PostgreSQL
    /// refused a row (its unit rolled back, and `careful` finds out why).
    private func direct(_ tables: [TableRows], kind: IngestFile.Kind, file: String, sha256: String, rows: Int) throws -> Outcome? {
        do {
            return try connection.atomically { connection in
                for rows in tables where !rows.rows.isEmpty {
                    if kind.sharesRows(rows.table) {
                        try insert(rows.table, from: try self.stage(rows, on: connection), kind: kind, on: connection)
                    } else {
                        _ = try connection.copyIn(
                            "COPY \(schemas.qualified(rows.table)) (\(Self.columnList(rows.table))) FROM STDIN",
                            chunks: [CopyText.encode(rows, lines: false)])
                    }
                }
                try record(tables, file: file, sha256: sha256, rows: rows, on: connection)
                return .loaded(rows: rows)
            }
        } catch let error as PostgresError where error.isDataRejection {
            return nil
        }
    }

    /// The file's ledger row, committed with its rows.
    private func record(_ tables: [TableRows], file: String, sha256: String, rows: Int, on connection: PQConnection) throws {
        try connection.execute(
            "INSERT INTO ingest.files (file_name, sha256, rows, target) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            [file, sha256, String(rows), tables.map { schemas.qualified($0.table) }.joined(separator: ",")])
    }

    /// The careful path, after a refusal: every table staged, its references probed, a
    /// chunk's events compared with the stored rows, then inserted from the stage.
    private func careful(_ tables: [TableRows], kind: IngestFile.Kind, file: String, sha256: String, rows: Int, allMissing: Bool)
        throws -> Outcome
    {
        do {
            return try connection.atomically { connection in
                var inserted = 0
                for rows in tables {
                    let stage = try self.stage(rows, on: connection)
                    let missing = try self.missing(rows, stage: stage, all: allMissing, on: connection)
                    if !missing.isEmpty { throw Unloadable(outcome: .missingReferences(missing)) }
                    if kind.isStream {
                        let conflicts = try self.conflicts(rows.table, stage: stage, on: connection)
                        if !conflicts.isEmpty { throw Unloadable(outcome: .conflicting(conflicts)) }
                    }
                    inserted = try insert(rows.table, from: stage, kind: kind, on: connection)
                }
                // A chunk's ledger row counts the events it added: a re-delivered one is the
                // warehouse's already, under the chunk that brought it first.
                let count = kind.isStream ? inserted : rows
                try record(tables, file: file, sha256: sha256, rows: count, on: connection)
                return .loaded(rows: count)
            }
        } catch let unloadable as Unloadable {
            return unloadable.outcome
        } catch let error as PostgresError where error.isDataRejection {
            return .rejected(
                sqlState: error.sqlState ?? "", constraint: error.constraint, table: error.table,
                line: try locate(tables, kind: kind), message: error.message)
        }
    }

    /// Thrown inside the transaction so it rolls back, caught by `load`.
    private struct Unloadable: Error {
        let outcome: Outcome
    }

    private func stage(_ rows: TableRows, on connection: PQConnection) throws -> String {
        let stage = StageTables.name(rows.table)
        if stages.holdsRows(stage) { try connection.execute("DELETE FROM \(stage)") }
        stages.filled(stage)
        _ = try connection.copyIn("COPY \(stage) FROM STDIN", chunks: [CopyText.encode(rows)])
        return stage
    }

    /// Every reference of the staged rows that is not in the warehouse, in one query (a round
    /// trip a reference cost most of a small file's time). Without `all`, the first missing
    /// value of the first reference that has one. For a file of up to `probedRows` rows,
    /// `OFFSET 0` keeps each probe a per-row index lookup, the work the foreign key's trigger
    /// does anyway: the planner knows nothing of a freshly staged temporary table and chose a
    /// hash anti-join that read the whole parent table for every daily file, a cost that grew
    /// with the warehouse (docs/performance.md §Warehouse load). A larger file (a month of
    /// schedules) is left to the planner, whose hash of a small parent is then the cheaper.
    private func missing(_ rows: TableRows, stage: String, all: Bool, on connection: PQConnection) throws -> [Missing] {
        let table = rows.table
        guard !table.references.isEmpty else { return [] }
        let fence = rows.rows.count <= Self.probedRows ? " OFFSET 0" : ""
        let probes = table.references.enumerated().map { index, reference in
            let column = try! SQLIdentifier.quote(reference.column)
            return "SELECT \(index) AS reference, s._line, s.\(column)::text FROM \(stage) s WHERE s.\(column) IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM \(schemas.qualified(reference.schema, reference.table)) t "
                + "WHERE t.\(try! SQLIdentifier.quote(reference.key)) = s.\(column)\(fence))"
        }
        let result = try connection.execute(
            probes.map { "(\($0))" }.joined(separator: " UNION ALL ") + (all ? "" : " ORDER BY reference, _line LIMIT 1"))
        let found = result.rows.map { row in
            let reference = table.references[Int(row[0] ?? "") ?? 0]
            return Missing(line: Int(row[1] ?? "") ?? 0, column: reference.column, value: row[2] ?? "", table: reference.table)
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Staged events whose key, or another UNIQUE column, the warehouse holds already with
    /// other content: the same event told twice differently, or a new event reusing another's
    /// identity. Each is found by its digest, the SHA-256 of the row as the table holds it,
    /// so an exact re-delivery (equal digests) is no conflict and is skipped by the insert.
    private func conflicts(_ table: WarehouseTable, stage: String, on connection: PQConnection) throws -> [Conflict] {
        let names = table.columns.map { try! SQLIdentifier.quote($0.name) }
        func digest(_ alias: String) -> String {
            "encode(sha256(convert_to(ROW(\(names.map { "\(alias).\($0)" }.joined(separator: ", ")))::text, 'UTF8')), 'hex')"
        }
        let columns = Array(table.key.prefix(1) + table.unique)
        let probes = columns.enumerated().map { index, column in
            let quoted = try! SQLIdentifier.quote(column)
            return "SELECT \(index) AS probe, s._line, s.\(quoted)::text, \(digest("s")), \(digest("t")) FROM \(stage) s "
                + "JOIN \(schemas.qualified(table)) t ON t.\(quoted) = s.\(quoted) WHERE \(digest("s")) <> \(digest("t"))"
        }
        let result = try connection.execute(probes.map { "(\($0))" }.joined(separator: " UNION ALL ") + " ORDER BY 2, 1")
        var seen = Set<Int>()
        return result.rows.compactMap { row in
            let line = Int(row[1] ?? "") ?? 0
            guard seen.insert(line).inserted else { return nil }
            return Conflict(
                line: line, column: columns[Int(row[0] ?? "") ?? 0], value: row[2] ?? "", digest: row[3] ?? "", stored: row[4] ?? "")
        }
    }

    /// `table`'s columns, quoted, in its order: the list a COPY or an INSERT names.
    private static func columnList(_ table: WarehouseTable) -> String {
        table.columns.map { try! SQLIdentifier.quote($0.name) }.joined(separator: ", ")
    }

    /// Rows a file owns are inserted plainly: one that collides with a row of another file is
    /// refused, not dropped. Shared dimensions and events (delivered at least once) may be
    /// there already and are skipped.
    @discardableResult
    private func insert(
        _ table: WarehouseTable, from stage: String, kind: IngestFile.Kind, lines: ClosedRange<Int>? = nil,
        on connection: PQConnection
    ) throws -> Int {
        let names = Self.columnList(table)
        let range = lines.map { " WHERE _line BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
        let shared = kind.mayFindLoaded(table)
        // Rows other files may hold too go in key order: two workers inserting the same keys
        // then take their locks in one order, and wait for each other instead of deadlocking.
        let order = shared && !table.key.isEmpty ? table.key.map { try! SQLIdentifier.quote($0) }.joined(separator: ", ") : "_line"
        return try connection.execute(
            "INSERT INTO \(schemas.qualified(table)) (\(names)) SELECT \(names) FROM \(stage)\(range) ORDER BY \(order)"
                + (shared ? " ON CONFLICT DO NOTHING" : "")
        ).affectedRows
    }

    /// The line of the first row PostgreSQL refuses, found by halving the rows under
    /// savepoints in a transaction that is always rolled back; nil when the refusal does not
    /// come again (then it was not one row's fault).
    private func locate(_ tables: [TableRows], kind: IngestFile.Kind) throws -> Int? {
        struct Found: Error { let line: Int }
        do {
            try connection.atomically { connection in
                for rows in tables where !rows.lines.isEmpty {
                    let stage = try self.stage(rows, on: connection)
                    func inserts(_ lines: ClosedRange<Int>) throws -> Bool {
                        try connection.execute("SAVEPOINT probe")
                        do {
                            try insert(rows.table, from: stage, kind: kind, lines: lines, on: connection)
                            try connection.execute("RELEASE SAVEPOINT probe")
                            return true
                        } catch let error as PostgresError where error.isDataRejection {
                            try connection.execute("ROLLBACK TO SAVEPOINT probe")
                            return false
                        }
                    }
                    var low = rows.lines.min()!
                    var high = rows.lines.max()!
                    if try inserts(low...high) { continue }
                    while low < high {
                        let middle = low + (high - low) / 2
                        if try inserts(low...middle) { low = middle + 1 } else { high = middle }
                    }
                    throw Found(line: low)
                }
                throw Found(line: 0)
            }
        } catch let found as Found {
            return found.line > 0 ? found.line : nil
        }
        return nil
    }
}

extension TableRows {
    /// The rows whose lines are not in `lines`.
    func omitting(_ lines: Set<Int>) -> TableRows {
        var kept = TableRows(table: table)
        for (row, line) in zip(rows, self.lines) where !lines.contains(line) {
            kept.rows.append(row)
            kept.lines.append(line)
        }
        return kept
    }
}
