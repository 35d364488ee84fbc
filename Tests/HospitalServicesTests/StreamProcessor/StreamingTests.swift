import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import HospitalServices
import HospitalTestSupport
import Logging
import Testing

/// Over the wire: the golden lake's outbox through librdkafka's mock cluster into stream/.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct StreamingTests {
    static let repository = TestWorld.repository
    static let logger = TestWorld.logger("hospital-services-tests", level: .error)

    struct Pipeline {
        let layout: LakeLayout
        let config: HospitalConfig
        let broker: EmbeddedBroker

        var producerSettings: KafkaSettings { KafkaSettings(bootstrapServers: broker.bootstrapServers, clientID: "test-producer") }
        var consumerSettings: KafkaSettings {
            KafkaSettings(
                bootstrapServers: broker.bootstrapServers, clientID: "test-consumer",
                properties: ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"])
        }

        func publisher() throws -> OutboxPublisher {
            OutboxPublisher(
                layout: layout, topics: config.kafka.topics,
                producer: try RdKafkaProducer(settings: producerSettings, logger: StreamingTests.logger), logger: StreamingTests.logger)
        }

        func land(idleExit: Duration = .seconds(3)) throws -> StreamLander {
            let consumer = try RdKafkaConsumer(settings: consumerSettings, groupID: StreamLander.groupID, logger: StreamingTests.logger)
            let topics = config.kafka.topics
            try consumer.subscribe(topics: [topics.transport, topics.transfers, topics.admissions, topics.summary])
            let lander = StreamLander(
                layout: layout, consumer: consumer, logger: StreamingTests.logger, chunkSize: 50, idle: .milliseconds(300))
            try lander.run(idleExit: idleExit)
            try consumer.close()
            return lander
        }

        /// Every landed line, by file.
        func landed() throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            for topic in (try? FileManager.default.contentsOfDirectory(atPath: layout.stream)) ?? [] {
                for name in try FileManager.default.contentsOfDirectory(atPath: layout.stream + "/" + topic) {
                    let text = try String(contentsOfFile: layout.stream + "/" + topic + "/" + name, encoding: .utf8)
                    result[topic + "/" + name] = text.split(separator: "\n").map(String.init)
                }
            }
            return result
        }

        /// The events the outbox files imply, from wherever the files are now.
        func expectedEvents() throws -> [String] {
            var events: [String] = []
            for folder in [layout.batch, layout.processed] {
                for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
                    guard let file = OutboxFile(name: name) else { continue }
                    let bytes = [UInt8](FileManager.default.contents(atPath: folder + "/" + name)!)
                    events += try EventEncoder.events(file, bytes: bytes).map { String(decoding: $0.value, as: UTF8.self) }
                }
            }
            return events
        }
    }

    private func pipeline() throws -> Pipeline {
        let config = try HospitalConfig.load(from: Self.repository + "/configs")
        let root = TemporaryFolder.make("hospital-streaming")
        let layout = LakeLayout(root: root)
        let calendar = SimCalendar(start: Profile.golden.calendar.start, end: Profile.golden.calendar.start.adding(days: 3))
        let world = try HospitalWorld(config: config, profile: Profile.golden.with(calendar: calendar), seed: 20_221_120)
        _ = try Simulation(world: world, layout: layout).run()
        let broker = try EmbeddedBroker(config: config.kafka, partitions: 3, logger: Self.logger)
        return Pipeline(layout: layout, config: config, broker: broker)
    }

    @Test func everyOutboxRowLandsOnceAsTheEventTheCoreEncodes() throws {
        let pipeline = try pipeline()
        let expected = try pipeline.expectedEvents()
        #expect(expected.count > 50)
        let published = try pipeline.publisher().publishPending()
        #expect(published == expected.count)
        let left = try FileManager.default.contentsOfDirectory(atPath: pipeline.layout.batch).compactMap(OutboxFile.init(name:))
        #expect(left.isEmpty, "outbox files left in batch/: \(left.map(\.name))")
        let lander = try pipeline.land()
        let lines = try pipeline.landed().values.flatMap { $0 }
        #expect(lander.landedEvents == expected.count)
        let same = lines.sorted() == expected.sorted()
        #expect(same, "landed events differ from the encoded outbox")
        let ids = lines.map { String($0.dropFirst("{\"event_id\":\"".count).prefix(36)) }
        #expect(Set(ids).count == ids.count)
        withExtendedLifetime(pipeline.broker) {}
    }

    /// A broker whose offsets went back (a new cluster under the old address) offers other
    /// events at offsets already landed: the landed chunk is never replaced, the new events are
    /// kept in failed/ with the reason, and the lander stops, naming it.
    @Test func aBrokerWhoseOffsetsWentBackNeverOverwritesALandedChunk() throws {
        let pipeline = try pipeline()
        let publisher = try pipeline.publisher()
        let pending = publisher.pending()
        let firstDay = pending.filter { $0.date == Profile.golden.calendar.start }
        for file in firstDay { _ = try publisher.publish(file) }
        _ = try pipeline.land()
        let before = try pipeline.landed()
        #expect(!before.isEmpty)
        // The same address now answers with a new, empty cluster: offsets start at 0 again.
        let fresh = Pipeline(
            layout: pipeline.layout, config: pipeline.config,
            broker: try EmbeddedBroker(config: pipeline.config.kafka, partitions: 3, logger: Self.logger))
        let later = try fresh.publisher()
        for file in later.pending() where file.date != Profile.golden.calendar.start { _ = try later.publish(file) }
        #expect(throws: LakeError.self) { _ = try fresh.land() }
        #expect(try pipeline.landed().filter { before[$0.key] != nil } == before, "every landed chunk kept its events")
        let reports = try FileManager.default.contentsOfDirectory(atPath: pipeline.layout.failed).filter { $0.hasSuffix(".error.json") }
        let report = try #require(reports.first.map { pipeline.layout.failed + "/" + $0 })
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("offsets went back") && text.contains("\"service\":\"stream-processor\""), "\(text)")
        let kept = String(report.dropLast(".error.json".count))
        #expect(FileManager.default.fileExists(atPath: kept), "the new events are kept")
        withExtendedLifetime(pipeline.broker) {}
        withExtendedLifetime(fresh.broker) {}
    }

    /// A partition that never idles and never fills a chunk still lands: chunks are cut by
    /// age too, so an event waits at most that long to be durable and committed.
    @Test func aChunkIsCutByAgeWhileItsPartitionKeepsBusy() throws {
        let pipeline = try pipeline()
        _ = try pipeline.publisher().publishPending()
        let consumer = try RdKafkaConsumer(
            settings: pipeline.consumerSettings, groupID: StreamLander.groupID, logger: StreamingTests.logger)
        let topics = pipeline.config.kafka.topics
        try consumer.subscribe(topics: [topics.transport, topics.transfers, topics.admissions, topics.summary])
        let lander = StreamLander(
            layout: pipeline.layout, consumer: consumer, logger: StreamingTests.logger, chunkSize: 1_000_000, idle: .seconds(60),
            maxAge: .milliseconds(500))
        let deadline = ContinuousClock.now + .seconds(30)
        var landedWhileRunning = false
        try lander.run {
            landedWhileRunning = lander.landedFiles > 0
            return landedWhileRunning || ContinuousClock.now > deadline
        }
        try consumer.close()
        #expect(landedWhileRunning, "no chunk landed before the lander stopped: nothing cut by age")
        withExtendedLifetime(pipeline.broker) {}
    }

    /// A crash between the broker's acknowledgement and the move publishes a file again, at
    /// new offsets; its events land once, across landers' restarts too.
    @Test func aRepublishedFileLandsOnce() throws {
        let pipeline = try pipeline()
        let publisher = try pipeline.publisher()
        let files = publisher.pending()
        try #require(files.count >= 2)
        let layout = pipeline.layout
        // A crash before the move: the file is back in batch/ and published again.
        func republish(_ file: OutboxFile) throws {
            try FileManager.default.moveItem(atPath: layout.processed + "/" + file.name, toPath: layout.batch + "/" + file.name)
            _ = try publisher.publish(file)
        }
        _ = try publisher.publish(files[0])
        _ = try pipeline.land()
        let landedFirst = try pipeline.landed().values.flatMap { $0 }
        try republish(files[0])
        _ = try publisher.publish(files[1])
        try republish(files[0])
        // A restarted lander: it knows what landed from stream/ alone.
        let lander = try pipeline.land()
        let lines = try pipeline.landed().values.flatMap { $0 }
        let expected = try files.prefix(2).flatMap { try StreamFixture.events(ofFile: layout.processed + "/" + $0.name) }
        #expect(!landedFirst.isEmpty)
        #expect(lines.sorted() == expected.sorted(), "each event of the two files once")
        #expect(lander.skippedRepeats == landedFirst.count * 2)
        #expect(try LandedStream(layout: layout).overlaps().isEmpty)
        withExtendedLifetime(pipeline.broker) {}
    }

    @Test func aBadOutboxFileGoesToFailedWithItsPosition() throws {
        let pipeline = try pipeline()
        let name = "hospital_emergency_transport_2022-11-21_session_9.csv"
        try Data((LakeColumns.transport.joined(separator: ",") + "\nnot,enough,fields\n").utf8)
            .write(to: URL(fileURLWithPath: pipeline.layout.batch + "/" + name))
        _ = try pipeline.publisher().publishPending()
        let failed = pipeline.layout.failed
        #expect(FileManager.default.fileExists(atPath: failed + "/" + name))
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: failed + "/" + name + ".error.json")))
            as! [String: Any]
        #expect(report["file"] as? String == "batch/" + name)
        #expect(report["line"] as? Int == 2)
        #expect(report["column"] as? Int == 4)
        #expect(
            FileManager.default.fileExists(
                atPath: pipeline.layout.processed + "/" + LakeFileName.transport(Profile.golden.calendar.start, session: 1).name))
        withExtendedLifetime(pipeline.broker) {}
    }

    @Test func anEventThatIsNotJSONIsQuarantinedAndConsumptionGoesOn() throws {
        let pipeline = try pipeline()
        let producer = try RdKafkaProducer(settings: pipeline.producerSettings, logger: Self.logger)
        let topic = pipeline.config.kafka.topics.transport
        try producer.send(topic: topic, key: Array("k".utf8), value: Array("not json".utf8), partition: 0)
        try producer.send(topic: topic, key: Array("k".utf8), value: Array("{\"event_id\":\"x\"}".utf8), partition: 0)
        _ = try producer.flush(timeout: .seconds(10))
        _ = try pipeline.land()
        let name = StreamLander.fileName(TopicPartition(topic: topic, partition: 0), start: 0)
        #expect(FileManager.default.fileExists(atPath: pipeline.layout.failed + "/" + name))
        let report = try String(contentsOfFile: pipeline.layout.failed + "/" + name + ".error.json", encoding: .utf8)
        #expect(report.contains("\"topic\":\"\(topic)\",\"partition\":\"0\",\"offset\":\"0\""))
        // The chunk is named after its first event, the one after the quarantined message.
        let landed = StreamLander.fileName(TopicPartition(topic: topic, partition: 0), start: 1)
        #expect(try pipeline.landed()[topic + "/" + landed] == ["{\"event_id\":\"x\"}"])
        withExtendedLifetime(pipeline.broker) {}
    }
}
