import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import Testing

@testable import HospitalServices

/// The chaos script steers the embedded broker through a file of commands.
@Suite struct BrokerFaultCommandTests {
    @Test func commandsNameTheirFault() {
        #expect(BrokerFault(command: "down") == .down)
        #expect(BrokerFault(command: "up") == .up)
        #expect(BrokerFault(command: "produce-errors 12") == .requestErrors(.produce, count: 12))
        #expect(BrokerFault(command: "fetch-errors 1") == .requestErrors(.fetch, count: 1))
        #expect(BrokerFault(command: "commit-errors 1000") == .requestErrors(.offsetCommit, count: 1000))
        for wrong in ["", "down now", "produce-errors", "produce-errors 0", "produce-errors 1001", "metadata-errors 3", "UP"] {
            #expect(BrokerFault(command: wrong) == nil, "\(wrong)")
        }
    }

    /// Only whole lines count, each once, and the feed picks up what is appended later.
    @Test func theFeedReturnsEachCompletedLineOnce() throws {
        let folder = TemporaryFolder.make("fault-feed")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/faults"
        var feed = BrokerFaultFeed(path: path)
        #expect(feed.newLines().isEmpty, "no file yet")
        try Data("down\nup\nprod".utf8).write(to: URL(fileURLWithPath: path))
        #expect(feed.newLines() == ["down", "up"])
        #expect(feed.newLines().isEmpty)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("uce-errors 5\n\nup\n".utf8))
        try handle.close()
        #expect(feed.newLines() == ["produce-errors 5", "up"])
    }

    /// Faults go through the mock cluster's API without error, and a producer still delivers.
    @Test func injectedProduceErrorsAreRiddenOut() throws {
        let config = try HospitalConfig.load(from: StreamingTests.repository + "/configs")
        let broker = try EmbeddedBroker(config: config.kafka, partitions: 1, logger: StreamingTests.logger)
        try broker.inject(.requestErrors(.produce, count: 3))
        let producer = try RdKafkaProducer(
            settings: KafkaSettings(bootstrapServers: broker.bootstrapServers, clientID: "fault-test"), logger: StreamingTests.logger)
        for index in 0..<5 {
            _ = try producer.send(topic: config.kafka.topics.transport, key: [UInt8(index)], value: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        }
        let reports = try producer.flush(timeout: .seconds(20))
        #expect(reports.count == 5 && reports.allSatisfy(\.isSuccess))
        try broker.inject(.down)
        try broker.inject(.up)
    }
}
