import Foundation
import HospitalArchive
import HospitalWarehouse
import Testing

/// The warehouse catalog after db/db_schema.sql, read back from a real PostgreSQL 15 and
/// compared with Golden/schema/catalog.tsv. The script runs twice first: it must be idempotent.
/// GOLDEN_RECORD=1 rewrites the fixture (and fails, so CI cannot pass by recording).
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(2)))
struct SchemaGoldenTests {
    typealias F = WarehouseFixture

    @Test func catalogMatchesItsFixture() async throws {
        let settings = try await F.database()
        let connection = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        let script = try String(contentsOfFile: F.repository + "/db/db_schema.sql", encoding: .utf8)
        try connection.executeScript(script)
        try connection.executeScript(script)
        let query = try String(contentsOfFile: F.repository + "/db/catalog.sql", encoding: .utf8)
        let catalog = try connection.execute(query).rows.map { $0[0] ?? "" }.joined(separator: "\n") + "\n"
        let fixture = F.repository + "/Golden/schema/catalog.tsv"
        switch try GoldenText.check(catalog, fixture: fixture, name: "schema/catalog.tsv") {
        case .matches: break
        case .recorded: Issue.record("recorded \(fixture); run again without GOLDEN_RECORD to verify")
        case .differs(let diff): Issue.record("\(diff)")
        }
    }
}
