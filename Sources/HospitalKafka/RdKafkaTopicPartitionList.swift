import CRdKafka

/// Owns an `rd_kafka_topic_partition_list_t` built for, or returned by, a
/// librdkafka call (subscribe, commit, committed, assignment).
final class RdKafkaTopicPartitionList {
    private let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    init(capacity: Int) throws {
        guard let list = rd_kafka_topic_partition_list_new(Int32(clamping: capacity)) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, reason: "rd_kafka_topic_partition_list_new failed")
        }
        pointer = list
    }

    /// Takes ownership of a list librdkafka allocated for us
    /// (e.g. from `rd_kafka_assignment`).
    init(adopting list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        pointer = list
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(pointer)
    }

    func add(topic: String, partition: Int32, offset: Int64 = Int64(RD_KAFKA_OFFSET_INVALID)) {
        let entry = rd_kafka_topic_partition_list_add(pointer, topic, partition)
        entry?.pointee.offset = offset
    }

    func withUnsafeHandle<R>(_ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) throws -> R) rethrows -> R {
        try body(pointer)
    }

    /// Copies of the entries, including librdkafka's per-partition error.
    var entries: [(partition: TopicPartitionOffset, error: KafkaError?)] {
        Self.entries(of: pointer)
    }

    /// Reads a list this class does not own (e.g. inside a rebalance
    /// callback, where librdkafka keeps ownership).
    static func entries(
        of list: UnsafePointer<rd_kafka_topic_partition_list_t>
    ) -> [(partition: TopicPartitionOffset, error: KafkaError?)] {
        let count = Int(list.pointee.cnt)
        guard count > 0, let elems = list.pointee.elems else { return [] }
        return (0..<count).map { index in
            let element = elems[index]
            let entry = TopicPartitionOffset(
                topic: String(cString: element.topic),
                partition: element.partition,
                nextOffset: element.offset
            )
            let error =
                element.err == RD_KAFKA_RESP_ERR_NO_ERROR
                ? nil
                : KafkaError(element.err, reason: "\(entry.topicPartition): \(KafkaErrorCode(element.err).reason)")
            return (entry, error)
        }
    }
}
