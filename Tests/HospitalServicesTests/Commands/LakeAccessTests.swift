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
}
