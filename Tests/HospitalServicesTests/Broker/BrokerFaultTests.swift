import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices
import Testing

extension StreamingTests {
    /// The broker misbehaves through librdkafka's mock fault API while the services run
    /// in-process: they must recover by themselves (no restart) and lose nothing.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct BrokerFaultTests {
        /// Lands everything and checks each encoded outbox event is there exactly once.
        static func expectEveryEventLandedOnce(_ pipeline: Pipeline, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let expected = try pipeline.expectedEvents()
            let lines = try LandedStream(layout: pipeline.layout).lines
            #expect(lines.count == expected.count, sourceLocation: sourceLocation)
            #expect(lines.sorted() == expected.sorted(), "landed events differ from the encoded outbox", sourceLocation: sourceLocation)
            #expect(StreamFixture.outboxFiles(in: pipeline.layout.batch).isEmpty, sourceLocation: sourceLocation)
        }

        @Test func publisherRidesOutABrokerDownForThreeSecondsWithoutARestart() throws {
            let pipeline = try StreamFixture.pipeline(days: 5)
            let producer = try RdKafkaProducer(settings: pipeline.producerSettings, logger: StreamingTests.logger)
            let layout = pipeline.layout
            let topics = pipeline.config.kafka.topics
            // The first file goes through a healthy broker, so the outage hits a producer
            // that is connected and has its idempotence id.
            let warm = OutboxPublisher(layout: layout, topics: topics, producer: producer, logger: StreamingTests.logger)
            let first = try #require(warm.pending().first)
            #expect(try warm.publish(first) > 0)
            let remaining =
                try pipeline.expectedEvents().count - (try StreamFixture.events(ofFile: layout.processed + "/" + first.name).count)

            try pipeline.broker.cluster.setBrokerDown(1)
            let publishing = BackgroundRun("publisher") {
                try OutboxPublisher(layout: layout, topics: topics, producer: producer, logger: StreamingTests.logger).publishPending()
            }
            Thread.sleep(forTimeInterval: 3)
            #expect(!publishing.isFinished, "publishing finished while the only broker was down")
            #expect(StreamFixture.outboxFiles(in: layout.processed) == [first.name], "a file moved without acknowledgement")
            try pipeline.broker.cluster.setBrokerUp(1)
            #expect(try publishing.wait(timeout: .seconds(60)) == remaining)
            #expect(producer.fatalError == nil)

            _ = try pipeline.land()
            try Self.expectEveryEventLandedOnce(pipeline)
            withExtendedLifetime(pipeline.broker) {}
        }

        /// SIGTERM while no broker answers: the wait for delivery reports gives up, no file
        /// moves, and a later run publishes them all (duplicates are harmless downstream).
        @Test func publisherStopsWhenAskedWhileTheBrokerIsUnreachable() throws {
            let pipeline = try StreamFixture.pipeline(days: 2)
            let layout = pipeline.layout
            let topics = pipeline.config.kafka.topics
            let outbox = StreamFixture.outboxFiles(in: layout.batch)
            try pipeline.broker.cluster.setBrokerDown(1)
            let producer = try RdKafkaProducer(settings: pipeline.producerSettings, logger: StreamingTests.logger)
            let stop = StopFlag()
            let publishing = BackgroundRun("publisher") {
                try OutboxPublisher(layout: layout, topics: topics, producer: producer, logger: StreamingTests.logger)
                    .publishPending(shouldStop: { stop.isSet })
            }
            Thread.sleep(forTimeInterval: 3)
            #expect(!publishing.isFinished, "publishing finished while the only broker was down")
            stop.set()
            #expect(throws: PublishInterrupted.self) { try publishing.wait(timeout: .seconds(5)) }
            #expect(StreamFixture.outboxFiles(in: layout.batch) == outbox, "a file moved without acknowledgement")
            #expect(StreamFixture.outboxFiles(in: layout.processed).isEmpty)

            try pipeline.broker.cluster.setBrokerUp(1)
            #expect(try pipeline.publisher().publishPending() == (try pipeline.expectedEvents().count))
            #expect(StreamFixture.outboxFiles(in: layout.batch).isEmpty)
            withExtendedLifetime(pipeline.broker) {}
        }

        @Test func produceRequestErrorsAreRetriedAndEveryEventLandsOnce() throws {
            let pipeline = try StreamFixture.pipeline(days: 5)
            let publisher = try pipeline.publisher()
            let first = try #require(publisher.pending().first)
            _ = try publisher.publish(first)
            let retriable: [KafkaErrorCode] = [
                .notEnoughReplicas, .notLeaderForPartition, .requestTimedOut, .leaderNotAvailable, .notEnoughReplicasAfterAppend,
            ]
            pipeline.broker.cluster.pushRequestErrors(apiKey: .produce, errors: Array(repeating: retriable, count: 4).flatMap { $0 })
            #expect(try publisher.publishPending() > 0)

            _ = try pipeline.land()
            try Self.expectEveryEventLandedOnce(pipeline)
            withExtendedLifetime(pipeline.broker) {}
        }

        /// Fetch requests that fail with retriable errors while the lander consumes: it must
        /// go on fetching, not stall with the rest of the stream unlanded.
        @Test func fetchErrorsAreRiddenOutAndEveryEventLands() throws {
            let pipeline = try StreamFixture.pipeline(days: 5)
            #expect(try pipeline.publisher().publishPending() > 0)
            // librdkafka waits fetch.error.backoff.ms (500 ms) after each failed fetch.
            try pipeline.broker.inject(.requestErrors(.fetch, count: 8))
            _ = try pipeline.land(idleExit: .seconds(10))
            try Self.expectEveryEventLandedOnce(pipeline)
            withExtendedLifetime(pipeline.broker) {}
        }

        @Test func offsetCommitErrorsAreRetriedWithoutLosingOrDoublingAChunk() throws {
            let pipeline = try StreamFixture.pipeline(days: 5)
            #expect(try pipeline.publisher().publishPending() > 0)
            pipeline.broker.cluster.pushRequestErrors(
                apiKey: .offsetCommit,
                errors: [.requestTimedOut, .coordinatorNotAvailable, .requestTimedOut, KafkaErrorCode(rawValue: 16), .requestTimedOut])
            let lander = try pipeline.land()
            #expect(lander.commitRetries > 0, "the injected commit errors never reached the lander")
            try Self.expectEveryEventLandedOnce(pipeline)

            // The group's committed offsets cover everything: a fresh member lands nothing more.
            let again = try pipeline.land(idleExit: .seconds(2))
            #expect(again.landedEvents == 0)
            try Self.expectEveryEventLandedOnce(pipeline)
            withExtendedLifetime(pipeline.broker) {}
        }
    }
}
