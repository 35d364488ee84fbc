import Foundation
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

    @Test func environmentOverridesAreChecked() throws {
        let settings = try Settings.fromEnvironment(["SIM_PROFILE": "tiny", "SIM_SEED": "5", "LAKE_PATH": "/x"])
        #expect(settings.profile.name == "tiny")
        #expect(settings.seed == 5)
        #expect(settings.layout.batch == "/x/batch")
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["SIM_PROFILE": "huge"]) }
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["SIM_SEED": "-1"]) }
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["SIM_END_DATE": "2022-02-30"]) }
        #expect(throws: ConfigError.self) { try Settings.fromEnvironment(["MAX_INGEST_LAG_DAYS": "0"]) }
        let short = try Settings.fromEnvironment(["SIM_END_DATE": "2022-11-25"])
        #expect(short.profile.calendar.dayCount == 6)
    }
}
