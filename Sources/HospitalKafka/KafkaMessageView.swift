import CRdKafka

/// A message lent by `RdKafkaConsumer.poll(maxMessages:timeout:_:)`: its bytes stay in
/// librdkafka's buffer, so a consumer that only copies the value onward (the stream
/// processor appends it to a chunk) allocates nothing per message. Not copyable, so it
/// cannot outlive the call that lends it; `copy()` makes a `KafkaMessage` that can.
public struct KafkaMessageView: ~Copyable {
    public let topic: String
    private let message: UnsafePointer<rd_kafka_message_t>

    init(topic: String, message: UnsafePointer<rd_kafka_message_t>) {
        self.topic = topic
        self.message = message
    }

    public var partition: Int32 { message.pointee.partition }
    public var offset: Int64 { message.pointee.offset }

    /// The value's bytes, empty for a null value (tombstone).
    public func withValue<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let m = message.pointee
        return try body(m.payload.map { UnsafeRawBufferPointer(start: $0, count: m.len) } ?? UnsafeRawBufferPointer(start: nil, count: 0))
    }

    public func copy() -> KafkaMessage {
        let m = message.pointee
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &timestampType)
        return KafkaMessage(
            topic: topic,
            partition: m.partition,
            offset: m.offset,
            key: m.key.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: m.key_len)) },
            value: withValue { [UInt8]($0) },
            timestamp: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp
        )
    }
}
