import CRdKafka

/// The broker's final answer for one sent message.
///
/// Failures are values rather than thrown errors because they arrive
/// asynchronously and in bulk; a pipeline decides per message whether to
/// retry, dead-letter or alert.
public struct DeliveryReport: Sendable, CustomStringConvertible {
    public let token: MessageToken
    public let topic: String
    public let partition: Int32
    /// Offset assigned by the broker; nil when the message was not stored.
    public let offset: Int64?
    /// nil on success.
    public let error: KafkaError?

    public init(token: MessageToken, topic: String, partition: Int32, offset: Int64?, error: KafkaError?) {
        self.token = token
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.error = error
    }

    public var isSuccess: Bool { error == nil }

    public var description: String {
        let place = "\(topic)[\(partition)]@\(offset.map(String.init) ?? "?")"
        return "DeliveryReport(\(token) \(place)\(error.map { " failed: \($0)" } ?? ""))"
    }

    /// Copies what we need out of the C message; librdkafka frees it after
    /// the delivery callback returns. `topic` is the message's topic name, which the
    /// tracker looks up once per topic rather than once per report.
    init(_ message: UnsafePointer<rd_kafka_message_t>, topic: String) {
        let m = message.pointee
        let failure: KafkaError? =
            m.err == RD_KAFKA_RESP_ERR_NO_ERROR
            ? nil
            : KafkaError(m.err, reason: String(cString: rd_kafka_message_errstr(message)))
        self.init(
            token: MessageToken(opaque: m._private),
            topic: topic,
            partition: m.partition,
            offset: m.offset >= 0 ? m.offset : nil,
            error: failure
        )
    }
}
