import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// A service that cannot write the lake stops at start with one line naming the folder and
/// exit 1, before it does any work it could not record.
@Suite struct LakeAccessTests {
    static let cases: [(service: String, blocked: String)] = [
        ("batch-ingestor", "failed"), ("producer", "processed"), ("stream-processor", "stream"), ("scheduler", ".daily_flags"),
    ]

    @Test(arguments: cases.map { [$0.service, $0.blocked] })
    func aLakeItCannotWriteStopsItWithOneLine(_ pair: [String]) throws {
        let root = TemporaryFolder.make("hospital-unwritable")
        // A file where the folder should be: nothing can be written into it.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + pair[1]))
        let (status, text) = try ChildProcess.runToEnd(
            [pair[0], "--lake", root, "--configs", TestWorld.repository + "/configs"],
            environment: ["PATH": "/usr/bin:/bin", "SIM_PROFILE": "golden", "DB_HOST": "127.0.0.1", "DB_PORT": "1"])
        #expect(status == 1, "\(pair): \(text)")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("lake error: ") && lines[0].contains(pair[1]), "\(pair): \(text)")
    }

    static let environment = [
        "PATH": "/usr/bin:/bin", "SIM_PROFILE": "golden", "DB_HOST": "127.0.0.1", "DB_PORT": "1",
        "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",
    ]

    /// A lake root below a regular file cannot be made: a wrong setting, said in one line with
    /// the system's reason, where Foundation's error printed only NSCocoaErrorDomain and a code.
    @Test(arguments: ["scheduler", "producer", "stream-processor", "batch-ingestor", "simulate"])
    func aLakeUnderAFileIsOneLineAndExit2(_ service: String) throws {
        let file = TemporaryFolder.make("hospital-lake-under-file") + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let (status, text) = try ChildProcess.runToEnd(
            [service, "--lake", file + "/lake", "--configs", TestWorld.repository + "/configs"], environment: Self.environment)
        let lines = text.split(separator: "\n")
        #expect(status == 2, "\(service): \(text)")
        #expect(lines.count == 1 && lines[0].contains("Not a directory") && !text.contains("NSCocoa"), "\(service): \(text)")
    }

    /// One writer per lake: while a scheduler holds the lake's lock, a second scheduler (or
    /// `simulate`) stops at start with one line, exit 2, and writes nothing.
    @Test(arguments: ["scheduler", "simulate"])
    func aSecondWriterOnOneLakeIsRefused(_ command: String) throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-locked"))
        try LakeFolders.create(layout)
        let lock = try LakeLock(layout)
        let alone = command == "scheduler" ? ["--exit-when-complete", "--no-wait-for-producer", "--no-wait-for-ingestor"] : []
        let (status, text) = try ChildProcess.runToEnd(
            [command, "--lake", layout.root, "--configs", TestWorld.repository + "/configs"] + alone, environment: Self.environment)
        withExtendedLifetime(lock) {}
        let lines = text.split(separator: "\n")
        #expect(status == 2, "\(command): \(text)")
        #expect(lines.count == 1 && lines[0].contains("held by another scheduler"), "\(command): \(text)")
        #expect(LakeFolders.names(in: layout.setupFlags).isEmpty && !LakeFolders.exists(layout.state))
    }

    /// The lock file is never opened through a link: a link in its place stops the writer
    /// and leaves the link's target as it was.
    @Test func aLinkInPlaceOfTheLockIsNotFollowed() throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-lock-link"))
        try LakeFolders.create(layout)
        let outside = TemporaryFolder.make("hospital-lock-outside") + "/target"
        try FileManager.default.createSymbolicLink(atPath: layout.schedulerLock, withDestinationPath: outside)
        let (status, text) = try ChildProcess.runToEnd(
            ["simulate", "--lake", layout.root, "--configs", TestWorld.repository + "/configs"], environment: Self.environment)
        #expect(status != 0 && text.split(separator: "\n").count == 1 && text.contains("symbolic link"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: outside))
    }
}
