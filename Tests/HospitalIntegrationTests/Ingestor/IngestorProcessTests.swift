import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Testing

/// The `hospital batch-ingestor` binary: killed at any moment it loads every file exactly
/// once, and a bad configuration stops it with one line and exit code 2.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(4)))
struct IngestorProcessTests {
    typealias F = WarehouseFixture
    private func run(_ arguments: [String], environment: [String: String], killAfter: Double? = nil) throws -> (
        status: Int32, stderr: String
    ) {
        try IngestorProcess.run(arguments, environment: environment, killAfter: killAfter)
    }

    private func environment(_ settings: ConnectionSettings, lake: LakeLayout, configs: String? = nil) -> [String: String] {
        IngestorProcess.environment(settings, lake: lake, configs: configs)
    }

    @Test func killedAtSeveralPointsItLoadsEveryFileExactlyOnce() async throws {
        let layout = try F.lake(days: 6)
        let settings = try await F.database()
        let env = environment(settings, lake: layout)
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            _ = try run(["batch-ingestor", "--drain"], environment: env, killAfter: delay)
        }
        let last = try run(["batch-ingestor", "--drain"], environment: env)
        #expect(last.status == 0, "\(last.stderr.suffix(500))")
        let connection = try await PQConnection.connect(settings, retry: .once, logger: F.logger)
        let streamFiles = try FileManager.default.subpathsOfDirectory(atPath: layout.stream).filter { $0.hasSuffix(".json") }.count
        let batchFiles = try FileManager.default.contentsOfDirectory(atPath: layout.processed)
            .filter { IngestFile(name: $0).map { $0.kind != .report } ?? false }.count
        #expect(try F.count(connection, "ingest.files") == streamFiles + batchFiles)
        #expect(try F.count(connection, "(SELECT file_name FROM ingest.files GROUP BY file_name HAVING count(*) > 1) AS twice") == 0)
        #expect(try F.count(connection, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
        #expect(
            try F.count(connection, "emergency_transport.transports") == F.csvRows(layout, prefix: "hospital_emergency_transport_").count)
        #expect(try F.count(connection, "hospital_operations.schedules") == F.csvRows(layout, prefix: "schedules_").count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty)
    }

    /// A copy of the configs with database_config.json replaced.
    private func configs(database: String?) throws -> String {
        let folder = TemporaryFolder.make("hospital-configs")
        for name in try FileManager.default.contentsOfDirectory(atPath: F.repository + "/configs") where name != "database_config.json" {
            try FileManager.default.copyItem(atPath: F.repository + "/configs/" + name, toPath: folder + "/" + name)
        }
        if let database { try database.write(toFile: folder + "/database_config.json", atomically: true, encoding: .utf8) }
        return folder
    }

    static let validDatabase = #"""
        {"host": "127.0.0.1", "port": 5432, "user": "hospital", "password": "hospital", "database": "hospital_db",
         "schemas": {"admissions": "hospital_admissions", "transport": "emergency_transport", "transfers": "patient_transfers",
                     "summary": "daily_summary", "operations": "hospital_operations"}}
        """#

    @Test(
        arguments: [
            ("missing file", nil, "database_config.json: file is missing"),
            ("wrong type", validDatabase.replacingOccurrences(of: "\"port\": 5432", with: "\"port\": \"5432\""), "key 'port'"),
            (
                "bad schema identifier", validDatabase.replacingOccurrences(of: "\"daily_summary\"", with: "\"daily-summary\""),
                "schemas.summary"
            ),
            ("wrong password", validDatabase, "password authentication failed"),
            // An empty secret used to be tried for 200 s and then end with exit 1.
            ("empty password file", validDatabase, "key 'DB_PASSWORD_FILE': a file holding the password; it is empty"),
        ] as [(String, String?, String)])
    func aBadConfigurationStopsWithOneLineAndExitCode2(_ label: String, _ database: String?, _ expected: String) async throws {
        let layout = try F.lake(days: 1)
        let settings = try await F.database(label)
        var env = environment(settings, lake: layout, configs: try configs(database: database))
        if label == "wrong password" { env["DB_PASSWORD"] = "not-the-password" }
        if label == "empty password file" {
            let empty = TemporaryFolder.make("hospital-secret") + "/db_loader_password"
            try Data("\n".utf8).write(to: URL(fileURLWithPath: empty))
            env["DB_PASSWORD_FILE"] = empty
        }
        let result = try run(["batch-ingestor", "--drain"], environment: env)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("configuration error") }
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains(expected) == true, "\(result.stderr)")
        #expect(!result.stderr.contains("not-the-password"))
    }
}
