import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Testing

/// Two ingestor processes on one lake and one database (`--scale batch_ingestor=2`) load
/// every file exactly once: files are claimed through PostgreSQL, and a copy that dies
/// mid-transaction loses its claims with its session.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(4)))
struct IngestorScaleOutTests {
    typealias F = WarehouseFixture

    /// A lake and a database with the schema applied once, as a deployment applies it (the
    /// database's init folder), before the copies start side by side.
    private func prepared(_ name: String = #function) async throws -> (LakeLayout, ConnectionSettings, [String: String]) {
        let layout = try F.lake(days: 6, name: name)
        let settings = try await F.database(name)
        let connection = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        try connection.executeScript(try String(contentsOfFile: F.repository + "/db/db_schema.sql", encoding: .utf8))
        var environment = IngestorProcess.environment(settings, lake: layout)
        environment["DB_SCHEMA_SQL"] = nil
        return (layout, settings, environment)
    }

    /// What a drained lake and warehouse must hold whoever loaded what.
    private func expectEveryFileLoadedOnce(_ layout: LakeLayout, _ settings: ConnectionSettings) async throws {
        let connection = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        let streamFiles = try FileManager.default.subpathsOfDirectory(atPath: layout.stream).filter { $0.hasSuffix(".json") }.count
        let batchFiles = try FileManager.default.contentsOfDirectory(atPath: layout.processed)
            .filter { IngestFile(name: $0).map { $0.kind != .report } ?? false }.count
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch) == [])
        #expect(try F.count(connection, "ingest.files") == streamFiles + batchFiles)
        #expect(try F.count(connection, "(SELECT file_name FROM ingest.files GROUP BY file_name HAVING count(*) > 1) AS twice") == 0)
        #expect(try F.count(connection, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
        #expect(try F.count(connection, "hospital_admissions.visits") == F.csvRows(layout, prefix: "daily_visitors_").count)
        #expect(
            try F.count(connection, "emergency_transport.transports") == F.csvRows(layout, prefix: "hospital_emergency_transport_").count)
    }

    /// Each copy runs `workers` ingest workers of its own, so up to eight sessions load at once.
    @Test(arguments: [1, 4])
    func twoIngestorsDrainingOneLakeLoadEachFileOnceAndQuarantineNothing(workers: Int) async throws {
        let (layout, settings, env) = try await prepared()
        let both = try [0, 1].map { _ in
            try IngestorProcess.start(["batch-ingestor", "--drain", "--workers", String(workers)], environment: env)
        }
        for ingestor in both {
            let (status, stderr) = ingestor.wait()
            #expect(status == 0, "\(stderr.suffix(800))")
        }
        // A file one copy left waiting while the other held its parent is loaded by one more pass.
        #expect(try IngestorProcess.run(["batch-ingestor", "--drain"], environment: env).status == 0)
        try await expectEveryFileLoadedOnce(layout, settings)
    }

    @Test func oneOfTwoKilledMidLoadLeavesEveryFileLoadedOnce() async throws {
        let (layout, settings, env) = try await prepared()
        for delay in [0.1, 0.3, 0.6] {
            let survivor = try IngestorProcess.start(["batch-ingestor", "--drain"], environment: env)
            _ = try IngestorProcess.run(["batch-ingestor", "--drain"], environment: env, killAfter: delay)
            let (status, stderr) = survivor.wait()
            #expect(status == 0, "\(stderr.suffix(800))")
        }
        #expect(try IngestorProcess.run(["batch-ingestor", "--drain"], environment: env).status == 0)
        try await expectEveryFileLoadedOnce(layout, settings)
    }
}
