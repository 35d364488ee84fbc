import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// The lake's state pins its run (docs/lake.md §Scheduler state): a state edited by hand
/// past days never written, or a restart with another calendar, configs or profile, is
/// refused with one line and exit 2, never run into a lake no clean run writes; and every
/// service reads the run from the state rather than from a disagreeing environment.
@Suite(.timeLimit(.minutes(3)))
struct StatePinTests {
    static let start = Profile.golden.calendar.start
    /// A week of the golden profile: enough days to stop in the middle.
    static let environment = [
        "PATH": "/usr/bin:/bin", "SIM_PROFILE": "golden", "SIM_END_DATE": start.adding(days: 6).description,
        "DB_HOST": "127.0.0.1", "DB_PORT": "1", "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",
    ]

    /// A lake simulated up to and including `until`, stopped there; its state says the next day.
    static func stoppedLake(until: SimDate = start.adding(days: 2), _ name: String = #function) throws -> LakeLayout {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-pin-" + name.filter(\.isLetter)))
        let (status, text) = try simulate(layout, "--until", until.description)
        #expect(status == 0, "\(text)")
        return layout
    }

    static func simulate(
        _ layout: LakeLayout, _ extra: String..., configs: String = TestWorld.configDirectory,
        environment: [String: String] = environment
    ) throws -> (status: Int32, output: String) {
        try ChildProcess.runToEnd(
            ["simulate", "--quiet", "--lake", layout.root, "--configs", configs] + extra, environment: environment)
    }

    /// Rewrites members of the state as a hand would, keeping the rest of its line.
    static func edit(_ layout: LakeLayout, _ changes: [String: Any]) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: layout.state))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        for (key, value) in changes { object[key] = value }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: layout.state))
    }

    static func expectRefused(_ result: (status: Int32, output: String), naming needle: String) {
        let lines = result.output.split(separator: "\n")
        #expect(result.status == 2, "\(result.output)")
        #expect(lines.count == 1 && lines[0].contains(needle), "\(result.output)")
    }

    @Test func aDateMovedAheadOfItsFlagsIsRefusedNamingTheFirstMissingFlag() throws {
        let layout = try Self.stoppedLake()
        try Self.edit(layout, ["current_sim_date": Self.start.adding(days: 5).description, "days_completed": 5])
        Self.expectRefused(try Self.simulate(layout), naming: LakeFlag.visitors(Self.start.adding(days: 3)).path)
        #expect(!LakeFolders.exists(layout.path(LakeFlag.visitors(Self.start.adding(days: 6)).path)), "a skipped day was run on")
    }

    @Test func completeInTheMiddleOfTheCalendarIsRefused() throws {
        let layout = try Self.stoppedLake()
        try Self.edit(layout, ["status": "complete"])
        Self.expectRefused(try Self.simulate(layout), naming: "says complete on")
    }

    @Test func aStatusCompleteOnTheLastDayWithoutItsFlagsIsRefused() throws {
        let layout = try Self.stoppedLake()
        try Self.edit(layout, ["current_sim_date": Self.start.adding(days: 6).description, "status": "complete", "days_completed": 7])
        Self.expectRefused(try Self.simulate(layout), naming: LakeFlag.visitors(Self.start.adding(days: 3)).path)
    }

    @Test func aRestartWithAnotherCalendarIsRefused() throws {
        let layout = try Self.stoppedLake()
        var environment = Self.environment
        environment["SIM_START_DATE"] = Self.start.adding(days: 1).description
        Self.expectRefused(try Self.simulate(layout, environment: environment), naming: "SIM_START_DATE")
        environment = Self.environment
        environment["SIM_END_DATE"] = Self.start.adding(days: 9).description
        Self.expectRefused(try Self.simulate(layout, environment: environment), naming: "SIM_END_DATE")
    }

    @Test func aRestartWithAnEditedConfigIsRefused() throws {
        let layout = try Self.stoppedLake()
        let configs = TemporaryFolder.make("hospital-pin-configs")
        for name in try FileManager.default.contentsOfDirectory(atPath: TestWorld.configDirectory) {
            try FileManager.default.copyItem(atPath: TestWorld.configDirectory + "/" + name, toPath: configs + "/" + name)
        }
        // The same model, other bytes: the digest is of the files as read.
        let clinical = configs + "/" + HospitalConfig.files.clinical
        try (try Data(contentsOf: URL(fileURLWithPath: clinical)) + Data("\n".utf8)).write(to: URL(fileURLWithPath: clinical))
        Self.expectRefused(try Self.simulate(layout, configs: configs), naming: "other configs")
    }

    @Test func aStateThatIsAFolderIsOneLine() throws {
        let layout = try Self.stoppedLake()
        try FileManager.default.removeItem(atPath: layout.state)
        try FileManager.default.createDirectory(atPath: layout.state, withIntermediateDirectories: false)
        for command in [["simulate"], ["scheduler", "--exit-when-complete", "--no-wait-for-producer", "--no-wait-for-ingestor"]] {
            let result = try ChildProcess.runToEnd(
                command + ["--lake", layout.root, "--configs", TestWorld.configDirectory], environment: Self.environment)
            Self.expectRefused(result, naming: "is a directory, not a regular file")
        }
    }

    /// Item 7: a service started with another profile than the lake's state names stops at
    /// start with one line, before it reads a file, instead of quarantining the lake as
    /// outside its calendar.
    @Test(arguments: ["batch-ingestor", "producer", "stream-processor", "status", "verify", "scheduler"])
    func aServiceRefusesAnEnvironmentThatDisagreesWithTheLake(_ service: String) throws {
        let layout = try Self.stoppedLake()
        var environment = Self.environment
        environment["SIM_PROFILE"] = "tiny"
        environment["SIM_END_DATE"] = nil
        let result = try ChildProcess.runToEnd(
            [service, "--lake", layout.root] + (service == "status" ? [] : ["--configs", TestWorld.configDirectory]),
            environment: environment)
        Self.expectRefused(result, naming: "SIM_PROFILE")
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed).isEmpty)
    }

    /// A state from before the state named its calendar and configs is trusted once its flags
    /// check out, and upgraded by the next save; the lake ends as a clean run's.
    @Test func aStateWithoutTheNewKeysResumesAndIsUpgraded() throws {
        let layout = try Self.stoppedLake()
        let clean = try Self.stoppedLake(until: Self.start.adding(days: 6))
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layout.state))) as! [String: Any]
        for key in ["calendar_start", "calendar_end", "inputs_sha256"] { object[key] = nil }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: layout.state))
        let (status, text) = try Self.simulate(layout)
        #expect(status == 0, "\(text)")
        #expect(try LakeManifest.scan(layout, header: "#") == LakeManifest.scan(clean, header: "#"))
    }
}
