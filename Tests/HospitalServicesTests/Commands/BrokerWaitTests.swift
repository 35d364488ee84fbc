import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

/// The producer and the stream processor started before any broker listens wait for one,
/// saying so, and a SIGTERM meanwhile stops them cleanly (docs/lake.md §Topics).
@Suite(.timeLimit(.minutes(2)))
struct BrokerWaitTests {
    @Test(arguments: ["producer", "stream-processor"])
    func aServiceStartedBeforeTheBrokerWaitsForIt(_ service: String) throws {
        let root = TemporaryFolder.make("hospital-broker-wait")
        // Port 1: nothing listens, so every attempt fails as a broker not up yet does.
        let child = try ChildProcess(
            service, arguments: [service, "--lake", root, "--configs", TestWorld.configDirectory],
            environment: ["SIM_PROFILE": "golden", "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1", "LOG_LEVEL": "warning"],
            logFolder: root)
        func waited() -> Bool { ((try? String(contentsOfFile: child.log, encoding: .utf8)) ?? "").contains("no broker answers yet") }
        let deadline = ContinuousClock.now + .seconds(40)
        while child.isRunning, ContinuousClock.now < deadline, !waited() { Thread.sleep(forTimeInterval: 0.1) }
        #expect(waited(), "\(service): \(child.logTail)")
        #expect(child.isRunning, "\(service) gave up: \(child.logTail)")
        child.terminate()
        #expect(child.waitForExit(timeout: .seconds(15)) == 0, "\(service): \(child.logTail)")
    }
}
