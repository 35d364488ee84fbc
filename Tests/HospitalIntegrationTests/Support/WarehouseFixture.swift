import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalTestSupport
import HospitalWarehouse
import Logging
import Testing

/// A fresh database per test on the throwaway cluster ci/test.sh starts (DB_* from the
/// environment), and a small lake whose outbox has been "landed" as the stream processor
/// would, so the ingestor can be tested without a broker.
enum WarehouseFixture {
    static let repository = TestWorld.repository
    static let logger = TestWorld.logger("hospital-ingestor-tests", level: .critical)
    static let config = TestWorld.config
    /// `DB_*` from the environment: ci/test.sh starts a throwaway cluster and sets them. No
    /// fixture starts a server itself (a server started from a static initialiser outlived
    /// the tests and could hang a piped `swift test`).
    static let environment = ProcessInfo.processInfo.environment

    /// The suites that need PostgreSQL run when `DB_HOST` names one, and are reported as
    /// skipped otherwise, so a bare `swift test` needs no service. ci/test.sh sets
    /// `HOSPITAL_REQUIRE_SERVICES=1`: there a missing database fails them instead, and a
    /// skip can never stand in for it.
    static let needsDatabase = Testing.ConditionTrait.enabled(
        if: environment["DB_HOST"] != nil || environment["HOSPITAL_REQUIRE_SERVICES"] == "1",
        "needs PostgreSQL: set DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD (ci/test.sh starts one)")

    nonisolated(unsafe) private static var counter = 0

    /// Creates an empty database and returns settings for it.
    static func database(_ name: String = #function) async throws -> ConnectionSettings {
        let admin = ConnectionSettings(environment: environment)
        let connection = try await PQConnection.connect(admin, retry: .once, logger: logger)
        counter += 1
        let database = "test_" + name.lowercased().filter { $0.isLetter }.prefix(40) + "_\(getpid())_\(counter)"
        try connection.execute("DROP DATABASE IF EXISTS \(database)")
        try connection.execute("CREATE DATABASE \(database)")
        var settings = admin
        settings.database = String(database)
        return settings
    }

    static func ingestor(_ layout: LakeLayout, _ settings: ConnectionSettings) async throws -> (BatchIngestor, PQConnection) {
        let connection = try await PQConnection.connect(settings, retry: .once, logger: logger)
        let schemas = try WarehouseSchemas(config.database.schemas, file: "database_config.json")
        let ingestor = BatchIngestor(
            layout: layout, connection: connection, schemas: schemas, topics: config.kafka.topics, calendar: Profile.golden.calendar,
            logger: logger)
        try ingestor.prepare(schemaSQL: try String(contentsOfFile: repository + "/db/db_schema.sql", encoding: .utf8), config: config)
        return (ingestor, connection)
    }

    /// A lake of `days` golden-profile days whose outbox went through "Kafka": each outbox file
    /// moved to processed/ and its events written as one stream chunk per file.
    static func lake(days: Int = 3, name: String = #function) throws -> LakeLayout {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-ingest"))
        let calendar = SimCalendar(start: Profile.golden.calendar.start, end: Profile.golden.calendar.start.adding(days: days - 1))
        let world = try HospitalWorld(config: config, profile: Profile.golden.with(calendar: calendar), seed: 20_221_120)
        _ = try Simulation(world: world, layout: layout).run()
        var offset = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: layout.batch).sorted() {
            guard let file = OutboxFile(name: name) else { continue }
            let events = try EventEncoder.events(file, bytes: [UInt8](FileManager.default.contents(atPath: layout.batch + "/" + name)!))
            try layout.move(batchFile: name, to: layout.processed)
            guard !events.isEmpty else { continue }
            let topic = file.kind.topic(config.kafka.topics)
            try FileManager.default.createDirectory(atPath: layout.stream + "/" + topic, withIntermediateDirectories: true)
            let lines = events.flatMap { $0.value + [UInt8(ascii: "\n")] }
            try LakeFile.write(
                lines,
                to: layout.stream + "/" + topic + "/" + StreamLander.fileName(.init(topic: topic, partition: 0), start: Int64(offset)))
            offset += events.count
        }
        return layout
    }

    static func count(_ connection: PQConnection, _ table: String) throws -> Int {
        Int(try connection.execute("SELECT count(*) FROM \(table)").firstValue ?? "") ?? -1
    }

    /// Data rows of the lake's CSV files whose names start with `prefix`, wherever they are now.
    static func csvRows(_ layout: LakeLayout, prefix: String) throws -> [[String]] {
        var rows: [[String]] = []
        for folder in [layout.batch, layout.processed] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            where name.hasPrefix(prefix) && name.hasSuffix(".csv") {
                let bytes = [UInt8](FileManager.default.contents(atPath: folder + "/" + name)!)
                let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self).split(separator: ",").map(
                    String.init)
                rows += try CSVReader.parse(bytes, expecting: header).rows
            }
        }
        return rows
    }
}
