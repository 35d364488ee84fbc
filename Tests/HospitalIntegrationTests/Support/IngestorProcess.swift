import Foundation
import HospitalCore
import HospitalLake
import HospitalWarehouse

/// The `hospital batch-ingestor` binary as the tests run it: started on a lake and a
/// database, killed or waited for; several can run side by side.
struct IngestorProcess {
    /// HOSPITAL_BIN names another build (an older one, to show a test fails without a fix).
    static let binary =
        ProcessInfo.processInfo.environment["HOSPITAL_BIN"].flatMap { $0.isEmpty ? nil : $0 } ?? WarehouseFixture.repository
        + "/.build/debug/hospital"

    let process: Process
    private let errors: Pipe

    static func start(_ arguments: [String], environment: [String: String]) throws -> IngestorProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return IngestorProcess(process: process, errors: errors)
    }

    /// Runs to the end, or is killed after `killAfter` seconds.
    static func run(_ arguments: [String], environment: [String: String], killAfter: Double? = nil) throws -> (
        status: Int32, stderr: String
    ) {
        let running = try start(arguments, environment: environment)
        if let killAfter {
            Thread.sleep(forTimeInterval: killAfter)
            running.kill()
        }
        return running.wait()
    }

    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

    func wait() -> (status: Int32, stderr: String) {
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func environment(_ settings: ConnectionSettings, lake: LakeLayout, configs: String? = nil) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "LAKE_PATH": lake.root, "CONFIG_DIR": configs ?? WarehouseFixture.repository + "/configs",
            "DB_HOST": settings.host, "DB_PORT": String(settings.port), "DB_NAME": settings.database,
            "DB_USER": settings.user, "DB_PASSWORD": settings.password, "DB_SCHEMA_SQL": WarehouseFixture.repository + "/db/db_schema.sql",
        ]
    }
}
