import Foundation
import HospitalCore
import HospitalLake
import HospitalServices

/// Builds what the streaming suites share: a golden-profile lake generated in-process and
/// an embedded broker. Each test gets its own lake folder and broker, so no test sees
/// another's topics, offsets or consumer group.
enum StreamFixture {
    /// A lake of the golden profile's first `days` days, plus a broker with 3 partitions a topic.
    static func pipeline(days: Int, brokers: Int = 1) throws -> StreamingTests.Pipeline {
        let config = try HospitalConfig.load(from: StreamingTests.repository + "/configs")
        let layout = LakeLayout(root: try temporaryFolder("hospital-stream"))
        let start = Profile.golden.calendar.start
        let calendar = SimCalendar(start: start, end: start.adding(days: days - 1))
        let world = try HospitalWorld(config: config, profile: Profile.golden.with(calendar: calendar), seed: 20_221_120)
        _ = try Simulation(world: world, layout: layout).run()
        let broker = try EmbeddedBroker(config: config.kafka, partitions: 3, brokers: brokers, logger: StreamingTests.logger)
        return StreamingTests.Pipeline(layout: layout, config: config, broker: broker)
    }

    static func temporaryFolder(_ prefix: String) throws -> String { TemporaryFolder.make(prefix) }

    /// The events an outbox file implies, as the core encodes them.
    static func events(ofFile path: String) throws -> [String] {
        let name = (path as NSString).lastPathComponent
        guard let file = OutboxFile(name: name), let data = FileManager.default.contents(atPath: path) else { return [] }
        return try EventEncoder.events(file, bytes: [UInt8](data)).map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// Outbox file names in a folder, sorted.
    static func outboxFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { OutboxFile(name: $0) != nil }.sorted()
    }
}
