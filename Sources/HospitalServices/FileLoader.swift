import HospitalCore
import HospitalWarehouse

/// Loads one validated file in one transaction: each table is staged with COPY, its
/// references checked, then inserted with ON CONFLICT DO NOTHING (dimensions first); the
/// ledger row commits with the data, so a file is loaded exactly once or not at all.
struct FileLoader {
    enum Outcome: Equatable {
        case loaded(rows: Int)
        /// A reference is not in the warehouse yet: the first line holding one, its column and value.
        case missingReference(line: Int, column: String, value: String, table: String)
    }

    let connection: PQConnection
    let schemas: WarehouseSchemas

    func load(_ tables: [TableRows], file: String, sha256: String, rows: Int, target: String) throws -> Outcome {
        try connection.transaction { connection in
            for (index, rows) in tables.enumerated() {
                let stage = "stage_\(index)"
                let table = rows.table
                let declared = table.columns.map { "\(try! SQLIdentifier.quote($0.name)) \($0.type.sqlType)" }
                try connection.execute("CREATE TEMP TABLE \(stage) (_line integer, \(declared.joined(separator: ", "))) ON COMMIT DROP")
                _ = try connection.copyIn("COPY \(stage) FROM STDIN", chunks: [CopyText.encode(rows)])
                for reference in table.references {
                    let column = try! SQLIdentifier.quote(reference.column)
                    let missing = try connection.execute(
                        "SELECT s._line, s.\(column)::text FROM \(stage) s WHERE s.\(column) IS NOT NULL AND NOT EXISTS "
                            + "(SELECT 1 FROM \(schemas.qualified(reference.schema, reference.table)) t "
                            + "WHERE t.\(try! SQLIdentifier.quote(reference.key)) = s.\(column)) ORDER BY s._line LIMIT 1")
                    if let row = missing.rows.first {
                        throw Missing(
                            outcome: .missingReference(
                                line: Int(row[0] ?? "") ?? 0, column: reference.column, value: row[1] ?? "", table: reference.table))
                    }
                }
                let names = table.columns.map { try! SQLIdentifier.quote($0.name) }.joined(separator: ", ")
                try connection.execute(
                    "INSERT INTO \(schemas.qualified(table)) (\(names)) SELECT \(names) FROM \(stage) ORDER BY _line ON CONFLICT DO NOTHING"
                )
            }
            try connection.execute(
                "INSERT INTO ingest.files (file_name, sha256, rows, target) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                [file, sha256, String(rows), target])
            return .loaded(rows: rows)
        }
    }

    /// Thrown inside the transaction so it rolls back, caught by `loadOrReport`.
    struct Missing: Error {
        let outcome: Outcome
    }

    func loadOrReport(_ tables: [TableRows], file: String, sha256: String, rows: Int, target: String) throws -> Outcome {
        do {
            return try load(tables, file: file, sha256: sha256, rows: rows, target: target)
        } catch let missing as Missing {
            return missing.outcome
        }
    }
}
