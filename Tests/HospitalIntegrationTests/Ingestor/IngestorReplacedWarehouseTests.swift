import Foundation
import HospitalCore
import HospitalServices
import HospitalTestSupport
import HospitalWarehouse
import Testing

/// A warehouse replaced under an idle ingestor (issue 24, item 8): an idle ingestor runs no
/// statement of its own, so it went on with the ledger of the old warehouse, and the new one
/// stayed empty with no word said. It now asks the warehouse's identity before every pass,
/// and a new warehouse is reconciled as at start: seeded, and every file loaded again.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorReplacedWarehouseTests {
    typealias F = WarehouseFixture
    static let schemas =
        "hospital_operations, hospital_admissions, emergency_transport, patient_transfers, daily_summary, ingest, analytics"

    static func schemaScript() throws -> String { try String(contentsOfFile: F.repository + "/db/db_schema.sql", encoding: .utf8) }

    /// The schemas dropped and applied afresh while the ingestor's session stays open.
    @Test func aWarehouseRebuiltUnderAnIdleIngestorIsLoadedAgain() async throws {
        let layout = try F.lake(days: 2)
        let settings = try await F.database()
        let (ingestor, _) = try await F.ingestor(layout, settings)
        while try ingestor.drainOnce().loaded > 0 {}
        let owner = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        let tables = [
            "hospital_admissions.admissions", "emergency_transport.transports", "hospital_operations.departments", "ingest.files",
        ]
        let loaded = try tables.map { try F.count(owner, $0) }
        #expect(loaded.allSatisfy { $0 > 0 }, "\(loaded)")

        try owner.execute("DROP SCHEMA \(Self.schemas) CASCADE")
        try owner.executeScript(try Self.schemaScript())
        #expect(try F.count(owner, "hospital_admissions.admissions") == 0)
        while try ingestor.drainOnce().loaded > 0 {}
        #expect(try tables.map { try F.count(owner, $0) } == loaded)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty)
    }

    /// `DROP DATABASE ... WITH (FORCE)` and `CREATE DATABASE` under a running `batch-ingestor`:
    /// it waits while the database is gone and while it has no schema, then loads it all again.
    @Test func aDatabaseDroppedAndCreatedAgainUnderARunningIngestorIsLoadedAgain() async throws {
        let layout = try F.lake(days: 2)
        let settings = try await F.database()
        let service = try ChildProcess(
            "batch-ingestor", arguments: ["batch-ingestor", "--poll-seconds", "0.05", "--workers", "2"],
            environment: IngestorProcess.environment(settings, lake: layout), logFolder: layout.root)
        defer { service.kill() }
        func waitUntil(_ condition: () throws -> Bool) async throws -> Bool {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if (try? condition()) == true { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        let admissions = try F.csvRows(layout, prefix: "admissions_").count
        var owner = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        #expect(try await waitUntil { try F.count(owner, "hospital_admissions.admissions") == admissions }, "\(service.logTail)")
        try await Task.sleep(for: .milliseconds(500))  // idle now

        let admin = try await PQConnection.connect(ConnectionSettings(environment: F.environment), retry: .once, logger: F.logger)
        try admin.execute("DROP DATABASE \(settings.database) WITH (FORCE)")
        try await Task.sleep(for: .milliseconds(300))  // gone for a while, as a replacement by hand is
        try admin.execute("CREATE DATABASE \(settings.database)")
        owner = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        try await Task.sleep(for: .milliseconds(300))  // and without its schema for a while
        try owner.executeScript(try Self.schemaScript())

        #expect(try await waitUntil { try F.count(owner, "hospital_admissions.admissions") == admissions }, "\(service.logTail)")
        #expect(
            try F.count(owner, "emergency_transport.transports") == F.csvRows(layout, prefix: "hospital_emergency_transport_").count)
        #expect(service.isRunning, "\(service.logTail)")
        let log = try String(contentsOfFile: service.log, encoding: .utf8)
        #expect(log.contains("warehouse replaced"), "\(service.logTail)")
        #expect(log.contains("files not in the ledger loaded again"), "\(service.logTail)")
    }
}
