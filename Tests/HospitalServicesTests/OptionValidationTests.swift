import Foundation
import Testing

/// A number no service can run with is refused before anything starts: the usage error
/// (exit 64) names the option.
@Suite struct OptionValidationTests {
    static let cases: [[String]] = [
        ["producer", "--poll-seconds", "0"],
        ["batch-ingestor", "--poll-seconds", "-1"],
        ["scheduler", "--poll-seconds", "0"],
        ["stream-processor", "--chunk-size", "0"],
        ["stream-processor", "--max-age-seconds", "0"],
        ["stream-processor", "--idle-exit=-2"],
        ["broker", "--partitions", "0"],
        ["healthcheck", "producer", "--max-age", "0"],
    ]

    @Test(arguments: cases)
    func aNumberNoServiceCanRunWithIsAUsageError(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ChildProcess.executable())
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64, "\(arguments): \(text)")
        let option = arguments.first { $0.hasPrefix("--") }!.split(separator: "=")[0]
        #expect(text.contains(option), "\(arguments): \(text)")
    }
}
