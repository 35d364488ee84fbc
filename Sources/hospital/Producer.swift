import ArgumentParser
import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices
import Logging

extension Hospital {
    /// Publishes the outbox (docs/lake.md §Events) and moves each file to processed/ once acknowledged.
    struct Producer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the scheduler's outbox files to Kafka.",
            discussion:
                "Transports, transfers and daily summaries, one JSON event per row; each file moves to processed/ once acknowledged.\nExample: KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 hospital producer --lake ./shared_data --drain"
        )

        @OptionGroup var options: ServiceOptions

        @Flag(help: "Publish what is in batch/ now and exit 0.")
        var drain = false

        @Option(help: "Seconds between looks at batch/ when there is nothing to publish.")
        var pollSeconds = 0.2

        func validate() throws {
            try ServiceOptions.validate(pollSeconds: pollSeconds)
        }

        func run() async throws {
            let logger = Logger(label: "hospital.producer")
            let service = try options.load()
            let layout = service.settings.layout
            try LakeAccess.open(layout, writing: ["batch", "processed", "failed", ".health"])
            let stop = StopSignal()
            let producer = try RdKafkaProducer(settings: service.kafkaProducer, logger: logger)
            let topicSetup = TopicSetup(config: service.config.kafka, logger: logger)
            guard try await topicSetup.run(producer.createMissingTopics, shouldStop: { stop.requested }) != nil else { return }
            let publisher = OutboxPublisher(layout: layout, topics: service.config.kafka.topics, producer: producer, logger: logger)
            let health = HealthReporter(service: "producer", layout: layout, logger: logger)
            repeat {
                do {
                    let published = try publisher.publishPending(shouldStop: { stop.requested })
                    health.beat(adding: ["events_published": published])
                    if published == 0, !drain { try await Task.sleep(for: .seconds(pollSeconds)) }
                } catch let interrupted as PublishInterrupted {
                    logger.info("stopping", metadata: [LogKey.reason: "\(interrupted)"])
                }
            } while !drain && !stop.requested
            health.finish()
        }
    }
}
