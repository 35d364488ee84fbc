import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Logging

/// A fresh database per test on the throwaway cluster ci/test.sh starts (DB_* from the
/// environment), and a small lake whose outbox has been "landed" as the stream processor
/// would, so the ingestor can be tested without a broker.
enum WarehouseFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let logger: Logger = {
        var logger = Logger(label: "hospital-ingestor-tests")
        logger.logLevel = .critical
        return logger
    }()
    static let config = try! HospitalConfig.load(from: repository + "/configs")
    /// `DB_*` from the environment (ci/test.sh starts the cluster); when they are absent, as
    /// under a bare `swift test --filter Golden`, the tests start ci/pg.sh's cluster themselves.
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        guard environment["DB_HOST"] == nil else { return environment }
        let folder = "/tmp/hospital-pg-swift-test"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repository + "/ci/pg.sh", "start"]
        process.environment = environment.merging(["PG_DIR": folder]) { $1 }
        // The server must not inherit the test's output: it outlives the test run.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: folder + "/env", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let assignment = line.hasPrefix("export ") ? line.dropFirst("export ".count) : line[...]
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            let value = assignment[assignment.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            environment[String(assignment[..<equals])] = value
        }
        return environment
    }()
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
