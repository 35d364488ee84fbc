/// One record read by `RdKafkaConsumer`, copied out of librdkafka's buffer
/// so it can outlive the poll call and cross threads.
public struct KafkaMessage: Sendable, Hashable {
    public let topic: String
    public let partition: Int32
    public let offset: Int64
    /// nil when the producer sent a null key.
    public let key: [UInt8]?
    /// Empty for a null value (tombstone).
    public let value: [UInt8]
    /// Milliseconds since the epoch, as set by the producer or broker.
    public let timestamp: Int64?

    public init(topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8], timestamp: Int64?) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.timestamp = timestamp
    }

    /// What to commit once this message is fully processed: Kafka commits
    /// the offset of the *next* message to read.
    public var nextOffset: TopicPartitionOffset {
        TopicPartitionOffset(topic: topic, partition: partition, nextOffset: offset + 1)
    }
}
