import ArgumentParser
import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
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
            // A full disk fails every move and report: wait it out with a growing pause, and
            // say so once a minute rather than at every turn.
            var diskFull = RepeatedWarning()
            var fullTurns = 0
            repeat {
                do {
                    let published = try publisher.publishPending(shouldStop: { stop.requested })
                    (diskFull, fullTurns) = (RepeatedWarning(), 0)
                    health.beat(adding: ["events_published": published])
                    if published == 0, !drain { try await Task.sleep(for: .seconds(pollSeconds)) }
                } catch let interrupted as PublishInterrupted {
                    logger.info("stopping", metadata: [LogKey.reason: "\(interrupted)"])
                } catch let error as LakeError where error.isDiskFull {
                    fullTurns += 1
                    if let times = diskFull.occurred(at: ProcessInfo.processInfo.systemUptime) {
                        logger.warning(
                            "disk full: publishing waits for space", metadata: [LogKey.reason: "\(error)", LogKey.occurrences: "\(times)"])
                    }
                    health.beat(.running, detail: "disk full")
                    try await Task.sleep(for: .seconds(Backoff(base: 0.5, ceiling: 10).delay(afterAttempt: fullTurns)))
                }
            } while !drain && !stop.requested
            // Files claimed and not published go back under their own names for any producer.
            publisher.releaseClaims()
            health.finish()
        }
    }
}
