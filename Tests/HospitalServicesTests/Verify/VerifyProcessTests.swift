import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalTestSupport
import Testing

/// `hospital verify` as a user runs it: from any folder, with no SIM_PROFILE, on a lake with
/// odd entries. It reads the profile from the lake's state, finds the goldens itself, and
/// names every problem instead of crashing.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct VerifyProcessTests {
    static func verify(_ lake: String) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        for key in ["SIM_PROFILE", "SIM_SEED", "GOLDEN_DIR", "LAKE_PATH"] { environment[key] = nil }
        return try ChildProcess.runToEnd(
            ["verify", "--lake", lake, "--lake-only", "--configs", TestWorld.repository + "/configs"],
            environment: environment, folder: NSTemporaryDirectory(), mergingOutput: true)
    }

    @Test func verifyReadsTheLakesProfileFindsTheGoldensAndNamesOddEntries() throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-verify"))
        let world = try HospitalWorld(config: TestWorld.config, profile: .golden, seed: Settings.defaultSeed)
        _ = try Simulation(world: world, layout: layout).run()

        let clean = try Self.verify(layout.root)
        #expect(clean.output.contains("PASS golden: lake equals the golden manifest"), "\(clean.output)")
        #expect(clean.output.contains("PASS flag manifests: every flag is a readable manifest"), "\(clean.output)")

        try FileManager.default.createSymbolicLink(atPath: layout.batch + "/admissions_2022-12-25.csv", withDestinationPath: "/nowhere")
        let flag = LakeFlag.visitors(Profile.golden.calendar.start).path
        try Data("{corrupt".utf8).write(to: URL(fileURLWithPath: layout.path(flag)))
        let odd = try Self.verify(layout.root)
        #expect(odd.status == 1, "a verdict, not a crash: \(odd.output)")
        #expect(odd.output.contains("FAIL flag manifests: every flag is a readable manifest (\(flag))"), "\(odd.output)")
        #expect(
            odd.output.contains("FAIL regular files: every lake entry is a regular file (batch/admissions_2022-12-25.csv)"), "\(odd.output)"
        )
    }

    /// A transport outbox file edited after the scheduler wrote it (one name's letter
    /// upper-cased, the size unchanged) and published as it was: stream/ matches the outbox,
    /// and the golden manifest pins only the default seed, so nothing failed (issue 24, item 3).
    /// Verify now holds every outbox file to its flag, for any seed.
    @Test func anOutboxValueEditedBeforeItWasPublishedFailsVerifyForAnySeed() throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-verify"))
        let world = try HospitalWorld(config: TestWorld.config, profile: .golden, seed: 7)
        _ = try Simulation(world: world, layout: layout).run()
        // Published as the producer and the stream processor would: one chunk per outbox file.
        let topics = TestWorld.config.kafka.topics
        var chunks: [String: String] = [:]
        func publish(_ name: String) throws {
            let file = try #require(OutboxFile(name: name))
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: layout.processed + "/" + name)))
            let topic = file.kind.topic(topics)
            try FileManager.default.createDirectory(atPath: layout.stream + "/" + topic, withIntermediateDirectories: true)
            let path =
                chunks[name] ?? layout.stream + "/" + topic + "/"
                + StreamLander.fileName(.init(topic: topic, partition: 0), start: Int64(chunks.count * 10_000))
            chunks[name] = path
            try LakeFile.write(try EventEncoder.events(file, bytes: bytes).flatMap { $0.value + [UInt8(ascii: "\n")] }, to: path)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: layout.batch).sorted() where OutboxFile(name: name) != nil {
            try layout.move(batchFile: name, to: layout.processed)
            try publish(name)
        }
        let clean = try Self.verify(layout.root)
        #expect(clean.output.contains("PASS outbox: every outbox file as its flag lists it (rows, bytes, SHA-256)"), "\(clean.output)")
        #expect(clean.output.contains("PASS stream:"), "\(clean.output)")

        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: layout.processed).sorted().first {
                OutboxFile(name: $0)?.kind == .transport && $0.hasSuffix(".csv")
                    && (try? String(contentsOfFile: layout.processed + "/" + $0, encoding: .utf8))?.split(separator: "\n").count ?? 0 > 1
            })
        let path = layout.processed + "/" + name
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[3] = fields[3].uppercased()  // First_Name
        lines[1] = fields.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        try publish(name)
        let tampered = try Self.verify(layout.root)
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("PASS stream:"), "stream/ holds what the edited file encodes: \(tampered.output)")
        #expect(tampered.output.contains("FAIL outbox: every outbox file as its flag lists it"), "\(tampered.output)")
        #expect(tampered.output.contains("processed/\(name) has"), "\(tampered.output)")
    }
}
