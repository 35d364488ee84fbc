import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Testing

/// The ingestor's session ends under it (the server closes it, as on a restart): it
/// reconnects and goes on exactly once, a SIGTERM stops it cleanly, and its health file
/// says so.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct IngestorReconnectTests {
    typealias F = WarehouseFixture

    @Test func aLostSessionIsAPauseAndEveryFileStillLoadsOnce() async throws {
        let layout = try F.lake(days: 6)
        let settings = try await F.database()
        let owner = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        let service = try ChildProcess(
            "batch-ingestor", arguments: ["batch-ingestor", "--poll-seconds", "0.05"],
            environment: [
                "LAKE_PATH": layout.root, "CONFIG_DIR": F.repository + "/configs", "DB_HOST": settings.host,
                "DB_PORT": String(settings.port), "DB_NAME": settings.database, "DB_USER": settings.user,
                "DB_PASSWORD": settings.password, "DB_SCHEMA_SQL": F.repository + "/db/db_schema.sql",
            ], logFolder: layout.root)
        defer { service.kill() }
        // Close the ingestor's session several times while it loads.
        let terminate =
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'hospital-batch-ingestor' "
            + "AND datname = current_database()"
        var closed = 0
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if closed < 5, Int(try owner.execute(terminate).firstValue ?? "0") ?? 0 > 0 { closed += 1 }
            try await Task.sleep(for: .milliseconds(150))
            let left = try FileManager.default.contentsOfDirectory(atPath: layout.batch)
            if closed >= 5, left.isEmpty, service.isRunning { break }
            if !service.isRunning { break }
        }
        #expect(closed >= 3, "sessions closed under the ingestor: \(closed)")
        #expect(service.isRunning, "the ingestor did not survive its session ending")
        // Let it land the stream files too, then stop it as Compose would.
        try await Task.sleep(for: .seconds(1))
        service.terminate()
        #expect(service.waitForExit(timeout: .seconds(20)) == 0)
        let health = try #require(HealthRecord.load("batch-ingestor", in: layout))
        #expect(health.status == .stopped)

        let streamFiles = try FileManager.default.subpathsOfDirectory(atPath: layout.stream).filter { $0.hasSuffix(".json") }.count
        let batchFiles = try FileManager.default.contentsOfDirectory(atPath: layout.processed)
            .filter { IngestFile(name: $0).map { $0.kind != .report } ?? false }.count
        #expect(try F.count(owner, "ingest.files") == streamFiles + batchFiles)
        #expect(try F.count(owner, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
        #expect(
            try F.count(owner, "emergency_transport.transports") == F.csvRows(layout, prefix: "hospital_emergency_transport_").count)
    }

    @Test func aSIGTERMWhileTheDatabaseIsAwayStopsAtOnce() throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-away"))
        // Nothing listens on port 1: every attempt fails and the ingestor waits between them.
        let service = try ChildProcess(
            "batch-ingestor", arguments: ["batch-ingestor"],
            environment: [
                "LAKE_PATH": layout.root, "CONFIG_DIR": F.repository + "/configs", "DB_HOST": "127.0.0.1", "DB_PORT": "1",
                "DB_PASSWORD": "x",
            ], logFolder: NSTemporaryDirectory())
        defer { service.kill() }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(service.isRunning, "still waiting for the database")
        service.terminate()
        #expect(service.waitForExit(timeout: .seconds(5)) == 0, "a SIGTERM is honoured while waiting")
        #expect(HealthRecord.load("batch-ingestor", in: layout)?.status == .stopped)
    }
}
