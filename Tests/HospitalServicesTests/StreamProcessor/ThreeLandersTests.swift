import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices
import Synchronization
import Testing

extension StreamingTests {
    /// `--scale stream_processor=3`: three landers in group `hospital-stream-processor`
    /// split the partitions between them and together land every event exactly once.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct ThreeLandersTests {
        @Test func threeLandersSplitThePartitionsAndLandEveryEventOnce() throws {
            let pipeline = try StreamFixture.pipeline(days: 7)
            let layout = pipeline.layout
            let topics = pipeline.config.kafka.topics
            let allTopics = [topics.transport, topics.transfers, topics.admissions, topics.summary]
            let consumers = try (1...3).map { member in
                let settings = KafkaSettings(
                    bootstrapServers: pipeline.broker.bootstrapServers, clientID: "lander-\(member)",
                    properties: pipeline.consumerSettings.properties)
                let consumer = try RdKafkaConsumer(settings: settings, groupID: StreamLander.groupID, logger: StreamingTests.logger)
                try consumer.subscribe(topics: allTopics)
                return consumer
            }
            let stop = StopFlag()
            defer { stop.set() }
            let runs = consumers.enumerated().map { member, consumer in
                BackgroundRun("lander-\(member + 1)") {
                    let lander = StreamLander(
                        layout: layout, consumer: consumer, logger: StreamingTests.logger, chunkSize: 25, idle: .milliseconds(300))
                    try lander.run(shouldStop: { stop.isSet })
                    try consumer.close()
                    return lander.landedEvents
                }
            }

            // Publish only once the group has settled, so every member has work to do.
            let deadline = ContinuousClock.now + .seconds(60)
            var owned: [[TopicPartition]] = []
            repeat {
                Thread.sleep(forTimeInterval: 0.2)
                owned = try consumers.map { try $0.assignment() }
            } while !(owned.allSatisfy { !$0.isEmpty } && owned.map(\.count).reduce(0, +) == 12) && ContinuousClock.now < deadline
            #expect(owned.allSatisfy { !$0.isEmpty }, "a lander got no partition: \(owned)")
            #expect(Set(owned.joined()).count == 12, "4 topics × 3 partitions, each owned once: \(owned)")
            #expect(owned.map(\.count).reduce(0, +) == 12, "a partition is owned twice: \(owned)")

            let expected = try pipeline.expectedEvents()
            #expect(try pipeline.publisher().publishPending() == expected.count)
            let landing = ContinuousClock.now + .seconds(60)
            while (try LandedStream(layout: layout).lines.count) < expected.count, ContinuousClock.now < landing {
                Thread.sleep(forTimeInterval: 0.2)
            }
            // Held a little longer: a duplicate landing would show up now.
            Thread.sleep(forTimeInterval: 1)
            stop.set()
            let perLander = try runs.map { try $0.wait(timeout: .seconds(30)) }

            #expect(perLander.allSatisfy { $0 > 0 }, "every lander landed part of the stream: \(perLander)")
            #expect(perLander.reduce(0, +) == expected.count)
            let stream = try LandedStream(layout: layout)
            #expect(stream.lines.count == expected.count, "no event landed twice across the landers' files")
            #expect(stream.lines.sorted() == expected.sorted())
            #expect(stream.repeats().isEmpty && stream.overlaps().isEmpty)
            withExtendedLifetime(pipeline.broker) {}
        }
    }
}
