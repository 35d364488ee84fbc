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

        @Option(
            help: ArgumentHelp(
                "Follow this file and inject the faults appended to it: down, up, produce-errors N, fetch-errors N, commit-errors N.",
                discussion: "For chaos runs (ci/chaos.sh); see docs/architecture.md §Chaos runs."))
        var faultFile: String?

        func validate() throws {
            if let partitions, partitions < 1 { throw ValidationError("--partitions must be at least 1") }
        }

        func run() async throws {
            let logger = Logger(label: "hospital.broker")
            let config = try options.load(pinned: false).config
            let stop = StopSignal()
            let broker = try EmbeddedBroker(config: config.kafka, partitions: partitions ?? config.kafka.partitions ?? 3, logger: logger)
            if let bootstrapFile { try broker.writeBootstrap(to: bootstrapFile) }
            FileHandle.standardOutput.write(Data((broker.bootstrapServers + "\n").utf8))
            logger.info(
                "broker up",
                metadata: [LogKey.bootstrap: "\(broker.bootstrapServers)", LogKey.topic: "\(broker.topics.joined(separator: ","))"])
            var feed = faultFile.map(BrokerFaultFeed.init(path:))
            while !stop.requested {
                try await Task.sleep(for: .milliseconds(100))
                for command in feed?.newLines() ?? [] { inject(command, into: broker, logger: logger) }
            }
            logger.info("broker stopping")
            withExtendedLifetime(broker) {}
        }

        private func inject(_ command: String, into broker: EmbeddedBroker, logger: Logger) {
            guard let fault = BrokerFault(command: command) else {
                logger.error("fault command not understood; ignored", metadata: [LogKey.reason: "\(EscapedText.of(command))"])
                return
            }
            do {
                try broker.inject(fault)
                logger.notice("fault injected", metadata: [LogKey.reason: "\(command)"])
            } catch {
                logger.error("fault not injected", metadata: [LogKey.reason: "\(command): \(error)"])
            }
        }
    }
}
