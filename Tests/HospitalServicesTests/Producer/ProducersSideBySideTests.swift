import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import HospitalServices
import Synchronization
import Testing

extension StreamingTests {
    /// Producers scaled out on one lake (`docker compose up --scale producer=2`): each outbox
    /// file is claimed by one of them (docs/lake.md §In-flight files) and published once.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct ProducersSideBySideTests {
        func publisher(_ pipeline: Pipeline, owner: ProducerToken, properties: [String: String] = [:]) throws -> OutboxPublisher {
            var settings = pipeline.producerSettings
            settings.properties.merge(properties) { $1 }
            return OutboxPublisher(
                layout: pipeline.layout, topics: pipeline.config.kafka.topics,
                producer: try RdKafkaProducer(settings: settings, logger: StreamingTests.logger), logger: StreamingTests.logger,
                owner: owner)
        }

        /// Tokens of other namespaces: neither producer may think the other gone.
        func elsewhere(_ namespace: UInt64) -> ProducerToken { ProducerToken(namespace: namespace, pid: 1, start: 1) }

        @Test func twoProducersOnOneLakePublishEachEventOnce() throws {
            let pipeline = try StreamFixture.pipeline(days: 3)
            let expected = try pipeline.expectedEvents()
            // Each publisher is used by its own thread only.
            nonisolated(unsafe) let publishers = [
                try publisher(pipeline, owner: elsewhere(1)), try publisher(pipeline, owner: elsewhere(2)),
            ]
            let published = Mutex<[Int]>([])
            let errors = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    let count = try publishers[index].publishPending()
                    published.withLock { $0.append(count) }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
            #expect(errors.withLock { $0 }.isEmpty)
            #expect(published.withLock { $0.reduce(0, +) } == expected.count, "every event acknowledged once, over both")
            #expect(LakeFolders.names(in: pipeline.layout.batch).filter { OutboxFile(entry: $0) != nil }.isEmpty)
            _ = try pipeline.land()
            let lines = try pipeline.landed().values.flatMap { $0 }
            #expect(lines.sorted() == expected.sorted())
            withExtendedLifetime(pipeline.broker) {}
        }

        /// kill -9 between publishing and moving: the claim stays under the dead holder's name,
        /// and the next producer publishes the file again; its events land once.
        @Test func aDeadProducersClaimIsPublishedByTheNext() throws {
            let pipeline = try StreamFixture.pipeline(days: 1)
            let expected = try pipeline.expectedEvents()
            let me = ProducerToken.current
            let ended = OutboxClaims(
                layout: pipeline.layout, owner: ProducerToken(namespace: me.namespace, pid: me.pid, start: me.start + 1))
            let waiting = ended.waiting()
            try #require(waiting.count >= 2)
            #expect(ended.claim(waiting[0]) && ended.claim(waiting[1]))
            #expect(try publisher(pipeline, owner: me).publishPending() == expected.count)
            #expect(LakeFolders.names(in: pipeline.layout.batch).filter { OutboxFile(entry: $0) != nil }.isEmpty)
            _ = try pipeline.land()
            #expect(try pipeline.landed().values.flatMap { $0 }.sorted() == expected.sorted())
            withExtendedLifetime(pipeline.broker) {}
        }

        /// An event larger than `message.max.bytes` would be refused by librdkafka (stopping the
        /// producer) or lost by a broker that takes it: its file goes to failed/ with the row.
        @Test func aFileWithAnEventOverTheMessageLimitIsSetAsideAndTheRestPublished() throws {
            let pipeline = try StreamFixture.pipeline(days: 1)
            let expected = try pipeline.expectedEvents().count
            let name = "hospital_emergency_transport_2022-11-20_session_9.csv"
            var text = ByteText()
            CSVRow.header(LakeColumns.transport, into: &text)
            text.append(
                "9a1b2c3d-0000-8000-8000-000000000001,9a1b2c3d-0000-8000-8000-000000000002,9a1b2c3d-0000-8000-8000-000000000003,"
                    + "Thabo,Nkosi,Male,61,Chest pain,5,Critical,2022-11-20 07:05:00,Ambulance,Cardiology,,,,Aspirin,"
                    + String(repeating: "n", count: 3_000) + "\n")
            try Data(text.bytes).write(to: URL(fileURLWithPath: pipeline.layout.batch + "/" + name))
            // Above every event of the golden outbox (a summary is ~1,750 bytes).
            let publisher = try publisher(pipeline, owner: .current, properties: ["message.max.bytes": "2500"])
            #expect(try publisher.publishPending() == expected)
            let failed = pipeline.layout.failed
            #expect(LakeEntry.kind(failed + "/" + name) == .regular)
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: failed + "/" + name + ".error.json")))
                    as? [String: Any])
            #expect((report["reason"] as? String)?.contains("message.max.bytes") == true)
            #expect(report["file"] as? String == "batch/" + name)
            #expect(report["line"] as? Int == 2)
            withExtendedLifetime(pipeline.broker) {}
        }
    }
}
