import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalTestSupport
import HospitalWarehouse
import Testing

/// The ingestor's session ends under it (the server closes it, as on a restart): it
/// reconnects and goes on exactly once, a SIGTERM stops it cleanly, and its health file
/// says so.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(4)))
struct IngestorReconnectTests {
    typealias F = WarehouseFixture

    /// With the default workers (one per core) and with four, each losing its session.
    @Test(arguments: [nil, "4"])
    func aLostSessionIsAPauseAndEveryFileStillLoadsOnce(workers: String?) async throws {
        let layout = try F.lake(days: 6)
        // Days 2 to 6 arrive one by one, as the scheduler writes them (files, then flags),
        // each after the ingestor's session was closed under it.
        let held = layout.root + "/held"
        try FileManager.default.createDirectory(atPath: held, withIntermediateDirectories: true)
        let days = (1..<6).map { Profile.golden.calendar.start.adding(days: $0) }
        func files(of date: SimDate) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: layout.batch).filter { $0.contains(date.description) }.sorted()
        }
        func flags(of date: SimDate) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: layout.dailyFlags).filter { $0.contains(date.description) }.sorted()
        }
        var arrivals: [(files: [String], flags: [String])] = []
        for date in days {
            arrivals.append((try files(of: date), try flags(of: date)))
            for name in arrivals.last!.files {
                try FileManager.default.moveItem(atPath: layout.batch + "/" + name, toPath: held + "/" + name)
            }
            for name in arrivals.last!.flags {
                try FileManager.default.moveItem(atPath: layout.dailyFlags + "/" + name, toPath: held + "/" + name)
            }
        }
        try FileManager.default.moveItem(atPath: layout.state, toPath: held + "/state")
        let settings = try await F.database()
        let owner = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        let service = try ChildProcess(
            "batch-ingestor", arguments: ["batch-ingestor", "--poll-seconds", "0.05"] + (workers.map { ["--workers", $0] } ?? []),
            environment: [
                "LAKE_PATH": layout.root, "CONFIG_DIR": F.repository + "/configs", "DB_HOST": settings.host,
                "DB_PORT": String(settings.port), "DB_NAME": settings.database, "DB_USER": settings.user,
                "DB_PASSWORD": settings.password, "DB_SCHEMA_SQL": F.repository + "/db/db_schema.sql",
            ], logFolder: layout.root)
        defer { service.kill() }
        let terminate =
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'hospital-batch-ingestor' "
            + "AND datname = current_database()"
        func waitUntil(_ condition: () throws -> Bool) async throws -> Bool {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if try condition() { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
        func batchEmpty() throws -> Bool { try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty }
        #expect(try await waitUntil(batchEmpty), "day 1 loaded")
        var closed = 0
        for arrival in arrivals {
            // Close the session (once the ingestor has one), then hand it the next day.
            #expect(try await waitUntil { Int(try owner.execute(terminate).firstValue ?? "0") ?? 0 > 0 }, "a session to close")
            closed += 1
            for name in arrival.files { try FileManager.default.moveItem(atPath: held + "/" + name, toPath: layout.batch + "/" + name) }
            for name in arrival.flags {
                try FileManager.default.moveItem(atPath: held + "/" + name, toPath: layout.dailyFlags + "/" + name)
            }
            #expect(try await waitUntil(batchEmpty), "the day after session \(closed) closed")
            #expect(service.isRunning, "the ingestor did not survive its session ending:\n\(service.logTail)")
        }
        try FileManager.default.moveItem(atPath: held + "/state", toPath: layout.state)
        #expect(closed == 5)
        // Let it land the stream files too, then stop it as Compose would.
        let streamFiles = try FileManager.default.subpathsOfDirectory(atPath: layout.stream).filter { $0.hasSuffix(".json") }.count
        let batchFiles = try FileManager.default.contentsOfDirectory(atPath: layout.processed)
            .filter { IngestFile(name: $0).map { $0.kind != .report } ?? false }.count
        #expect(try await waitUntil { try F.count(owner, "ingest.files") == streamFiles + batchFiles })
        service.terminate()
        #expect(service.waitForExit(timeout: .seconds(20)) == 0)
        let health = try #require(HealthRecord.load("batch-ingestor", in: layout))
        #expect(health.status == .stopped)
        #expect(try F.count(owner, "(SELECT file_name FROM ingest.files GROUP BY file_name HAVING count(*) > 1) AS twice") == 0)
        #expect(try F.count(owner, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
        #expect(
            try F.count(owner, "emergency_transport.transports") == F.csvRows(layout, prefix: "hospital_emergency_transport_").count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed).isEmpty)
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
