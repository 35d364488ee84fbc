import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

@Suite struct ConfigTests {
    /// A copy of the repository's configs with one file replaced.
    private func configs(replacing name: String, with content: String?) throws -> String {
        let folder = TestWorld.temporaryDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: TestWorld.configDirectory) {
            try FileManager.default.copyItem(atPath: TestWorld.configDirectory + "/" + file, toPath: folder + "/" + file)
        }
        try FileManager.default.removeItem(atPath: folder + "/" + name)
        if let content { try content.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func theRepositoryConfigsLoad() throws {
        let config = try HospitalConfig.load(from: TestWorld.configDirectory)
        #expect(config.shifts.cycle.count == 21)
        #expect(config.shifts.departments.count == 12)
        #expect(config.clinical.conditions.count == 41)
        #expect(config.database.schemas.operations == "hospital_operations")
        #expect(config.kafka.topics.summary == "hospital.daily_summary")
    }

    /// The course's shift file is read with the course's keys; the order the cycle runs in is
    /// the project's, from workforce.json, and holds exactly the course's days.
    @Test func theCourseShiftFileKeepsItsKeysAndOurOrderComesFromWorkforce() throws {
        let text = try String(contentsOfFile: TestWorld.configDirectory + "/hospital_shift_config.json", encoding: .utf8)
        for key in ["start_time", "duration_hours", "reserve_hours", "description", "shift_type", "is_work_day"] {
            #expect(text.contains("\"\(key)\""), "\(key)")
        }
        #expect(!text.contains("_about"))
        let config = try HospitalConfig.load(from: TestWorld.configDirectory)
        #expect(config.shifts.shiftDefinitions["NIGHT_12HR"]?.start == "19:00")
        #expect(config.shifts.shiftDefinitions["NIGHT_12HR"]?.description.isEmpty == false)
        let course = config.shifts.cycle.map(\.shift)
        let ours = config.shiftCycle.map(\.shift)
        #expect(ours != course)
        #expect(ours.sorted() == course.sorted())
        let block = ours.firstIndex(of: "DAY_12HR")!
        #expect(Array(ours[block..<block + 4]) == ["DAY_12HR", "DAY_12HR", "NIGHT_12HR", "NIGHT_12HR"])
        let courseBlock = course.firstIndex(of: "DAY_12HR")!
        #expect(Array(course[courseBlock..<courseBlock + 4]) == ["DAY_12HR", "NIGHT_12HR", "DAY_12HR", "NIGHT_12HR"])
        #expect(config.shiftCycle.allSatisfy { day in config.shifts.cycle.contains(day) })
    }

    @Test func aShiftCycleThatIsNotTheCoursesDaysIsRefused() throws {
        let original = try String(contentsOfFile: TestWorld.configDirectory + "/workforce.json", encoding: .utf8)
        let spoiled = original.replacingOccurrences(
            of: "\"shift_cycle\": [\n    \"FULL_24HR\"", with: "\"shift_cycle\": [\n    \"DAY_12HR\"")
        #expect(spoiled != original)
        let folder = try configs(replacing: "workforce.json", with: spoiled)
        #expect(
            throws: ConfigError(
                file: folder + "/workforce.json", key: "shift_cycle",
                expected: "the days of hospital_shift_config.json's medical_shift_daily_cycle, reordered")
        ) { try HospitalConfig.load(from: folder) }
    }

    @Test func aProfileAtAnotherPopulationScalesStaffAndVolumeWithIt() {
        let tenth = Profile.full.with(population: 300_000)
        #expect(tenth.population == 300_000)
        #expect(tenth.staffFactor == 1_000)
        #expect(tenth.volumeFactor == 1_000)
        #expect(tenth.calendar == Profile.full.calendar)
        #expect(Profile.tiny.with(population: 3_000).volumeFactor == 300)
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try configs(replacing: "kafka_config.json", with: nil)
        #expect(throws: ConfigError(file: folder + "/kafka_config.json", key: "", expected: "file is missing or unreadable")) {
            try HospitalConfig.load(from: folder)
        }
    }

    @Test func aWrongTypeNamesTheKey() throws {
        let folder = try configs(
            replacing: "database_config.json",
            with: #"""
                {"host": "h", "port": "5432", "user": "u", "password": "p", "database": "d",
                 "schemas": {"admissions": "a", "transport": "t", "transfers": "f", "summary": "s", "operations": "o"}}
                """#)
        let error = #expect(throws: ConfigError.self) { try HospitalConfig.load(from: folder) }
        #expect(error?.key == "port")
        #expect(error?.description.contains("database_config.json: key 'port': expected an integer") == true)
    }

    @Test func aMissingKeyIsNamed() throws {
        let folder = try configs(replacing: "kafka_config.json", with: #"{"bootstrap_servers": ["k:9092"], "client_id": "x"}"#)
        let error = #expect(throws: ConfigError.self) { try HospitalConfig.load(from: folder) }
        #expect(error?.key == "topics")
    }

    @Test func brokenJSONIsReported() throws {
        let folder = try configs(replacing: "workforce.json", with: "{ not json")
        let error = #expect(throws: ConfigError.self) { try HospitalConfig.load(from: folder) }
        #expect(error?.file.hasSuffix("workforce.json") == true)
    }

    @Test func aRouteToAnUnknownUnitIsRejected() throws {
        let text = try String(contentsOfFile: TestWorld.configDirectory + "/clinical_model.json", encoding: .utf8)
        let folder = try configs(
            replacing: "clinical_model.json",
            with: text.replacingOccurrences(of: #""unit": "Cardiology""#, with: #""unit": "General Medicine""#))
        let error = #expect(throws: ConfigError.self) { try HospitalConfig.load(from: folder) }
        #expect(error?.key == "conditions[0].unit")
    }

    /// Partition counts and topic names a broker would refuse, or hang on, stop a service at start.
    @Test(arguments: [
        (#""partitions": 3"#, #""partitions": 0"#, "partitions"), (#""partitions": 3"#, #""partitions": -3"#, "partitions"),
        (#""hospital.transport""#, #""hospital transport""#, "topics.transport"),
        (#""hospital.transfers""#, #""hospital+transfers""#, "topics.transfers"),
        (#""hospital.daily_summary""#, #""""#, "topics.summary"),
        (#""hospital.admissions""#, #""hospital.transport""#, "topics"),
        (#""client_id": "hospital-pipeline""#, #""client_id": """#, "client_id"),
    ])
    func aKafkaSettingNoBrokerTakesIsRefused(original: String, broken: String, key: String) throws {
        let text = try String(contentsOfFile: TestWorld.configDirectory + "/kafka_config.json", encoding: .utf8)
        #expect(text.contains(original))
        let folder = try configs(replacing: "kafka_config.json", with: text.replacingOccurrences(of: original, with: broken))
        let error = #expect(throws: ConfigError.self) { try HospitalConfig.load(from: folder) }
        #expect(error?.key == key && error?.file.hasSuffix("kafka_config.json") == true, "\(String(describing: error))")
    }

    @Test func environmentOverridesAreChecked() throws {
        let settings = try Settings.fromEnvironment(["SIM_PROFILE": "tiny", "SIM_SEED": "5", "LAKE_PATH": "/x"])
        #expect(settings.profile.name == "tiny")
        #expect(settings.seed == 5)
        #expect(settings.layout.batch == "/x/batch")
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["SIM_PROFILE": "huge"]) }
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["SIM_SEED": "-1"]) }
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["SIM_END_DATE": "2022-02-30"]) }
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["MAX_INGEST_LAG_DAYS": "0"]) }
        for pause in ["inf", "nan", "-1", "86401", "1e9"] {
            #expect(throws: ConfigError.self, "\(pause)") { try Settings.fromEnvironment(["STREAM_INTERVAL_SECONDS": pause]) }
            #expect(throws: ConfigError.self, "\(pause)") { try Settings.fromEnvironment(["BATCH_INTERVAL_SECONDS": pause]) }
        }
        #expect(try Settings.fromEnvironment(["BATCH_INTERVAL_SECONDS": "900"]).batchIntervalSeconds == 900)
        for servers in ["", " ", "kafka", "kafka:", ":9092", "kafka:0", "kafka:70000", "kafka:9092,", "kafka:nine"] {
            #expect(
                throws: ConfigError(file: "environment", key: "KAFKA_BOOTSTRAP_SERVERS", expected: "host:port, or several comma-separated")
            ) {
                try Settings.fromEnvironment(["KAFKA_BOOTSTRAP_SERVERS": servers])
            }
        }
        for servers in ["kafka:9092", "127.0.0.1:43993", "a:1, b:2", "PLAINTEXT://kafka:9092", "[::1]:9092"] {
            #expect(try Settings.fromEnvironment(["KAFKA_BOOTSTRAP_SERVERS": servers]).kafkaBootstrapServers == servers)
        }
        #expect(try Settings.fromEnvironment([:]).kafkaBootstrapServers == nil)
        let short = try Settings.fromEnvironment(["SIM_END_DATE": "2022-11-25"])
        #expect(short.profile.calendar.dayCount == 6)
    }
}
