import Foundation
import HospitalCore
import HospitalLake
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
}
