import Foundation

/// A `hospital` subcommand run as a child process, as the services run in production, so
/// a test can SIGKILL it at any instant. Output goes to a log file kept for diagnosis.
public final class ChildProcess {
    public let name: String
    public let log: String
    private let process = Process()

    /// The `hospital` executable built beside the test bundle (`swift build` puts both in
    /// the same folder), else the package's own `.build/debug`.
    public static func executable() throws -> String {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates = [bundleFolder + "/hospital", TestWorld.repository + "/.build/debug/hospital"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw NotBuilt(tried: candidates)
        }
        return found
    }

    public struct NotBuilt: Error, CustomStringConvertible {
        public let tried: [String]
        public var description: String { "hospital executable not built; tried \(tried)" }
    }

    /// Runs `hospital` to its end and returns its status and what it wrote on stderr (and on
    /// stdout too, with `mergingOutput`). `environment` replaces the test's when given.
    public static func runToEnd(
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

    public init(_ name: String, arguments: [String], environment: [String: String], logFolder: String) throws {
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

    public var isRunning: Bool { process.isRunning }

    /// SIGKILL: no handler runs, nothing is flushed. Returns whether the child was still
    /// running, i.e. whether the kill interrupted it rather than finding it finished.
    @discardableResult
    public func kill() -> Bool {
        guard process.isRunning else { return false }
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(timeout: .seconds(10))
        return true
    }

    /// SIGTERM, as Compose stops a service.
    public func terminate() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGTERM)
    }

    /// The exit status once the child has ended, or nil if it still runs at the deadline.
    public func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The tail of the child's log, for failure messages.
    public var logTail: String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    deinit { kill() }
}
