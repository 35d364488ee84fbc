import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import Logging

/// `hospital broker`: librdkafka's mock cluster speaking the Kafka protocol on 127.0.0.1,
/// with the configured topics, for local runs and tests (docs/architecture.md §Embedded broker, docs/lake.md §Topics).
public final class EmbeddedBroker {
    public let cluster: RdKafkaMockCluster
    public let topics: [String]
    let brokerCount: Int

    public init(config: KafkaConfig, partitions: Int, brokers: Int = 1, logger: Logger) throws {
        cluster = try RdKafkaMockCluster(brokerCount: brokers, logger: logger)
        brokerCount = brokers
        topics = config.topics.all
        for topic in topics { try cluster.createTopic(name: topic, partitions: partitions) }
    }

    public var bootstrapServers: String { cluster.bootstrapServers }

    /// Writes the bootstrap address atomically, so a reader never sees half of it.
    public func writeBootstrap(to path: String) throws {
        try LakeFile.write(Array((bootstrapServers + "\n").utf8), to: path)
    }
}
