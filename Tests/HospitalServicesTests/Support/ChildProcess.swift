import Foundation
import Testing

/// A `hospital` subcommand run as a child process, as the services run in production, so
/// a test can SIGKILL it at any instant. Output goes to a log file kept for diagnosis.
final class ChildProcess {
    let name: String
    let log: String
    private let process = Process()

    /// The `hospital` executable built beside the test bundle (`swift build` puts both in
    /// the same folder), else the package's own `.build/debug`.
    static func executable() throws -> String {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates = [bundleFolder + "/hospital", StreamingTests.repository + "/.build/debug/hospital"]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "hospital executable not built; tried \(candidates)")
    }

    /// Runs `hospital` to its end and returns its status and what it wrote on stderr (and on
    /// stdout too, with `mergingOutput`). `environment` replaces the test's when given.
    static func runToEnd(
        _ arguments: [String], environment: [String: String]? = nil, folder: String? = nil, mergingOutput: Bool = false
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe()
        process.standardError = output
        process.standardOutput = mergingOutput ? output : FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    init(_ name: String, arguments: [String], environment: [String: String], logFolder: String) throws {
        self.name = name
        log = logFolder + "/" + name + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = URL(fileURLWithPath: try Self.executable())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no handler runs, nothing is flushed. Returns whether the child was still
    /// running, i.e. whether the kill interrupted it rather than finding it finished.
    @discardableResult
    func kill() -> Bool {
        guard process.isRunning else { return false }
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(timeout: .seconds(10))
        return true
    }

    /// SIGTERM, as Compose stops a service.
    func terminate() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGTERM)
    }

    /// The exit status once the child has ended, or nil if it still runs at the deadline.
    func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The tail of the child's log, for failure messages.
    var logTail: String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    deinit { kill() }
}
