import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// A person steers the logs: `--log-level` on any command (or `LOG_LEVEL`) sets the level
/// once for the whole process, and a level that is not one stops it with one line and exit 2.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct LogLevelTests {
    /// The broker's output: it logs "broker up" at info once its bootstrap file is written.
    static func brokerLog(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32?, log: String) {
        let folder = TemporaryFolder.make("hospital-log-level")
        let service = try ChildProcess(
            "broker",
            arguments: ["broker", "--bootstrap-file", folder + "/bootstrap", "--configs", TestWorld.repository + "/configs"]
                + arguments, environment: environment, logFolder: folder)
        defer { service.kill() }
        let deadline = ContinuousClock.now + .seconds(30)
        while service.isRunning, !FileManager.default.fileExists(atPath: folder + "/bootstrap"), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        service.terminate()
        let status = service.waitForExit(timeout: .seconds(10))
        return (status, try String(contentsOfFile: service.log, encoding: .utf8))
    }

    @Test func theLevelReachesEveryLoggerAndABadOneStopsWithExit2() throws {
        let info = try Self.brokerLog([])
        #expect(info.log.contains("broker up"), "\(info.log)")
        let quiet = try Self.brokerLog(["--log-level", "warning"])
        #expect(quiet.status == 0)
        #expect(!quiet.log.contains("broker up"), "\(quiet.log)")
        let fromEnvironment = try Self.brokerLog([], environment: ["LOG_LEVEL": "error"])
        #expect(!fromEnvironment.log.contains("broker up"), "\(fromEnvironment.log)")
        let bad = try Self.brokerLog(["--log-level", "loud"])
        #expect(bad.status == 2)
        #expect(bad.log.split(separator: "\n").count == 1 && bad.log.contains("'loud' is not a log level"), "\(bad.log)")
    }
}
