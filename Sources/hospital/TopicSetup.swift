import HospitalCore
import HospitalServices
import Logging

/// At start, the producer and the stream processor create the topics of
/// `kafka_config.json` that the broker lacks (with its `partitions`), since Compose's Kafka
/// does not auto-create topics (docs/lake.md §Topics). Both do it, whichever starts first,
/// so the stream processor's subscription never waits for a metadata refresh.
func createTopics(
    _ config: KafkaConfig, logger: Logger, using create: ([String], Int?, Duration) throws -> [String]
) throws {
    let created = try create(config.topics.all, config.partitions, .seconds(30))
    if !created.isEmpty {
        logger.notice("created topics", metadata: [LogKey.topic: "\(created.joined(separator: ","))"])
    }
}
