import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices
import Testing

extension StreamingTests {
    /// Records the broker deleted before the stream processor read them (retention; the mock
    /// keeps 5 MiB a partition) must not vanish silently: the gap is logged and recorded in
    /// failed/, so `hospital verify` fails, and consumption goes on after it.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct OffsetGapTests {
        @Test func offsetsDeletedBeforeLandingAreRecordedInFailedAndConsumptionGoesOn() throws {
            let pipeline = try StreamFixture.pipeline(days: 1)
            // The reserved admissions topic: nothing else in the fixture writes to it.
            let topic = pipeline.config.kafka.topics.admissions
            let producer = try RdKafkaProducer(settings: pipeline.producerSettings, logger: StreamingTests.logger)
            func produce(_ count: Int, padding: Int) throws {
                let pad = String(repeating: "x", count: padding)
                for index in 0..<count {
                    try producer.send(topic: topic, key: nil, value: Array("{\"n\":\(index),\"pad\":\"\(pad)\"}".utf8), partition: 0)
                }
                #expect(try producer.flush(timeout: .seconds(30)).allSatisfy(\.isSuccess))
            }
            try produce(10, padding: 10)
            #expect(try pipeline.land(idleExit: .seconds(2)).landedEvents == 10)
            #expect(Self.failed(pipeline).isEmpty)

            // ~7 MiB while no consumer runs: the partition's oldest records, the next ones the
            // group would read (offset 10 on), are deleted.
            try produce(7_000, padding: 1_000)
            let lander = try pipeline.land(idleExit: .seconds(2))
            let name = "\(topic)+0+0000000000000000010.gap.error.json"
            #expect(Self.failed(pipeline) == [name])
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pipeline.layout.failed + "/" + name)))
                    as? [String: Any])
            #expect(report["topic"] as? String == topic)
            #expect(report["partition"] as? String == "0")
            #expect(report["expected_offset"] as? String == "10")
            let resumed = try #require(Int64(report["actual_offset"] as? String ?? ""))
            #expect(resumed > 10 && resumed < 7_010)
            #expect(report["missing_count"] as? String == "\(resumed - 10)")
            // Everything after the gap landed.
            #expect(Int64(lander.landedEvents) == 7_010 - resumed)
            withExtendedLifetime(pipeline.broker) {}
        }

        static func failed(_ pipeline: Pipeline) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: pipeline.layout.failed)) ?? []).sorted()
        }
    }
}
