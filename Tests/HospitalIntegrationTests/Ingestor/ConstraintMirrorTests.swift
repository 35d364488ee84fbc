import Foundation
import HospitalCore
import HospitalWarehouse
import Testing

/// `WarehouseTables` is the one description validation follows; this reads the constraints
/// back from PostgreSQL after db/db_schema.sql and fails when either side has one the other
/// lacks, so the two cannot drift apart.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(2)))
struct ConstraintMirrorTests {
    typealias F = WarehouseFixture

    /// Checks the ingestor need not mirror: a constant it writes, and a type jsonb enforces.
    static let unmirroredChecks: Set<String> = ["staff.status", "daily_summaries.units"]

    @Test func everyCheckAndForeignKeyOfTheSchemaIsInTheDescription() async throws {
        let connection = try await PQConnection.connect(try await F.database(), retry: .once, logger: F.logger)
        try connection.executeScript(try String(contentsOfFile: F.repository + "/db/db_schema.sql", encoding: .utf8))
        let schemas = F.config.database.schemas
        let names = [schemas.operations, schemas.admissions, schemas.transport, schemas.transfers, schemas.summary]
        let rows = try connection.execute(
            """
            SELECT c.contype::text, t.relname, a.attname, coalesce(r.relname, '')
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = c.conkey[1]
            LEFT JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.contype IN ('c', 'f') AND n.nspname = ANY($1::text[])
            ORDER BY 1, 2, 3
            """, ["{" + names.joined(separator: ",") + "}"]
        ).rows
        let described = Dictionary(uniqueKeysWithValues: WarehouseTables.all.map { ($0.name, $0) })
        var schemaChecks = Set<String>()
        var schemaReferences = Set<String>()
        for row in rows {
            let (kind, table, column, target) = (row[0]!, row[1]!, row[2]!, row[3]!)
            guard described[table] != nil else { continue }  // departments, care_units: seeded from the configs
            if kind == "c" { schemaChecks.insert(table + "." + column) } else { schemaReferences.insert("\(table).\(column) -> \(target)") }
        }
        var ourChecks = Set<String>()
        var ourReferences = Set<String>()
        for table in WarehouseTables.all {
            for column in table.columns where column.check != nil { ourChecks.insert(table.name + "." + column.name) }
            for reference in table.references { ourReferences.insert("\(table.name).\(reference.column) -> \(reference.table)") }
        }
        #expect(schemaChecks.subtracting(Self.unmirroredChecks).subtracting(ourChecks).sorted() == [], "CHECKs validation lacks")
        #expect(ourChecks.subtracting(schemaChecks).sorted() == [], "checks the schema lacks")
        #expect(schemaReferences.subtracting(ourReferences).sorted() == [], "foreign keys validation lacks")
        #expect(ourReferences.subtracting(schemaReferences).sorted() == [], "references the schema lacks")
    }
}
