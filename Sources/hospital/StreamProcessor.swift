import ArgumentParser
import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices
import Logging

extension Hospital {
    /// Lands the topics in stream/ as JSON Lines chunks, committing after each is durable.
    struct StreamProcessor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Consume the hospital topics into the lake's stream/ folder.",
            discussion:
                "Lands events as JSON Lines chunks and commits offsets once a chunk is durable.\nExample: KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 hospital stream-processor --lake ./shared_data --idle-exit 30"
        )

        @OptionGroup var options: ServiceOptions

        @Option(help: "Exit 0 after this many seconds with nothing new.")
        var idleExit: Double?

        @Option(help: "Events per chunk file at most.")
        var chunkSize = 10_000

        @Option(help: "Seconds a partition may be idle before its chunk is landed.")
        var idleSeconds = 1.0

        @Option(help: "Seconds a chunk may stay open however busy its partition is.")
        var maxAgeSeconds = 10.0

        func validate() throws {
            guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be at least 1") }
            guard idleSeconds > 0, maxAgeSeconds > 0 else { throw ValidationError("--idle-seconds and --max-age-seconds must be positive") }
            if let idleExit, !(idleExit > 0) { throw ValidationError("--idle-exit must be more than 0") }
        }

        func run() async throws {
            let logger = Logger(label: "hospital.stream-processor")
            let service = try options.load()
            let layout = service.settings.layout
            try LakeAccess.open(layout, writing: ["stream", "failed", ".health"])
            let stop = StopSignal()
            let topics = service.config.kafka.topics
            let idle = Duration.milliseconds(Int(idleSeconds * 1000))
            let consumer = try RdKafkaConsumer(
                settings: service.kafkaConsumer(idleCut: idle), groupID: StreamLander.groupID, logger: logger)
            let topicSetup = TopicSetup(config: service.config.kafka, logger: logger)
            guard try await topicSetup.run(consumer.createMissingTopics, shouldStop: { stop.requested }) != nil else { return }
            try consumer.subscribe(topics: topics.all)
            let lander = StreamLander(
                layout: layout, consumer: consumer, logger: logger, chunkSize: chunkSize, idle: idle,
                maxAge: .milliseconds(Int(maxAgeSeconds * 1000)))
            let health = HealthReporter(service: "stream-processor", layout: layout, logger: logger)
            do {
                try lander.run(
                    idleExit: idleExit.map { .milliseconds(Int($0 * 1000)) },
                    shouldStop: {
                        health.beat(counts: ["events_landed": lander.landedEvents, "files_landed": lander.landedFiles])
                        return stop.requested
                    })
            } catch {
                // Said in the health file too (a chunk that would overwrite a landed one, a lake it cannot write).
                health.finish(.failed, detail: "\(error)")
                throw error
            }
            health.finish()
            try consumer.close()
            logger.info("stream processor stopped", metadata: [LogKey.events: "\(lander.landedEvents)"])
        }
    }
}
