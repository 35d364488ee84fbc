import Foundation
import HospitalTestSupport
import Testing

/// A number no service can run with is refused before anything starts: the usage error
/// (exit 64) names the option.
@Suite struct OptionValidationTests {
    static let cases: [[String]] = [
        ["producer", "--poll-seconds", "0"],
        ["batch-ingestor", "--poll-seconds", "-1"],
        ["scheduler", "--poll-seconds", "0"],
        ["producer", "--poll-seconds", "1e-9"],
        ["batch-ingestor", "--poll-seconds", "inf"],
        ["scheduler", "--poll-seconds", "nan"],
        ["stream-processor", "--chunk-size", "0"],
        ["stream-processor", "--max-age-seconds", "0"],
        ["stream-processor", "--idle-exit=-2"],
        ["broker", "--partitions", "0"],
        ["healthcheck", "producer", "--max-age", "0"],
        ["simulate", "--population", "10"],
    ]

    @Test(arguments: cases)
    func aNumberNoServiceCanRunWithIsAUsageError(_ arguments: [String]) throws {
        let (status, text) = try ChildProcess.runToEnd(arguments)
        #expect(status == 64, "\(arguments): \(text)")
        let option = arguments.first { $0.hasPrefix("--") }!.split(separator: "=")[0]
        #expect(text.contains(option), "\(arguments): \(text)")
    }
}
