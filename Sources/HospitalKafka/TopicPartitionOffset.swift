/// A topic partition, as used for assignments and committed-offset queries.
public struct TopicPartition: Hashable, Sendable, CustomStringConvertible {
    public let topic: String
    public let partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }
}

/// A position to commit: `nextOffset` is the offset of the next message the
/// group should read, i.e. last processed offset + 1 (Kafka's convention,
/// spelled out in the name because off-by-one here means re-reading or
/// silently skipping a clinical message).
public struct TopicPartitionOffset: Hashable, Sendable, CustomStringConvertible {
    public let topic: String
    public let partition: Int32
    public let nextOffset: Int64

    public init(topic: String, partition: Int32, nextOffset: Int64) {
        self.topic = topic
        self.partition = partition
        self.nextOffset = nextOffset
    }

    public var topicPartition: TopicPartition {
        TopicPartition(topic: topic, partition: partition)
    }

    public var description: String { "\(topic)[\(partition)]@\(nextOffset)" }
}
