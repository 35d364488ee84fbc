import ArgumentParser
import Foundation
import HospitalCore
import HospitalServices
import Logging

extension Hospital {
    /// The Kafka-protocol broker for runs without Docker: librdkafka's mock cluster.
    struct Broker: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run librdkafka's mock cluster with the configured topics until SIGTERM.",
            discussion: "For runs without Docker: prints its bootstrap address.\nExample: hospital broker --bootstrap-file /tmp/bootstrap")

        @OptionGroup var options: ServiceOptions

        @Option(help: "Partitions per topic (default: kafka_config.json's partitions, else 3).")
        var partitions: Int?

        @Option(help: "Write the bootstrap address to this file.")
        var bootstrapFile: String?

        func validate() throws {
            if let partitions, partitions < 1 { throw ValidationError("--partitions must be at least 1") }
        }

        func run() async throws {
            let logger = Logger(label: "hospital.broker")
            let config = try options.load().config
            let stop = StopSignal()
            let broker = try EmbeddedBroker(config: config.kafka, partitions: partitions ?? config.kafka.partitions ?? 3, logger: logger)
            if let bootstrapFile { try broker.writeBootstrap(to: bootstrapFile) }
            FileHandle.standardOutput.write(Data((broker.bootstrapServers + "\n").utf8))
            logger.info(
                "broker up",
                metadata: [LogKey.bootstrap: "\(broker.bootstrapServers)", LogKey.topic: "\(broker.topics.joined(separator: ","))"])
            while !stop.requested { try await Task.sleep(for: .milliseconds(100)) }
            logger.info("broker stopping")
            withExtendedLifetime(broker) {}
        }
    }
}
