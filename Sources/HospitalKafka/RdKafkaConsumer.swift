import CRdKafka
import Logging
import Synchronization

/// High-level (group) Kafka consumer with manual, synchronous commits.
///
/// Auto-commit is always off: a hospital pipeline must only commit after a
/// message is durably processed, so offsets move exclusively through
/// `commit(offsets:)`. Delivery is therefore at-least-once; after a crash or
/// a rebalance, messages after the last commit are read again.
///
/// Poll from one thread at a time; `commit`, `assignment` and `close` may
/// be called from any thread.
public final class RdKafkaConsumer: Sendable {
    let handle: RdKafkaHandle
    private let logger: Logger
    private let closed = Mutex(false)

    /// - Parameter groupID: consumers sharing it split the partitions.
    /// `auto.offset.reset` defaults to `earliest` (a new group reads the
    /// whole history) and may be overridden in `settings.properties`.
    public init(settings: KafkaSettings, groupID: String, logger: Logger) throws {
        let config = try settings.makeConfig(
            defaults: ["auto.offset.reset": "earliest"],
            enforced: ["group.id": groupID, "enable.auto.commit": "false"],
            logger: logger
        )
        config.withUnsafeHandle(RebalanceHandler.install(on:))
        let context = CallbackContext(logger: logger)
        let handle = try RdKafkaHandle(kind: .consumer, config: config, context: context)
        // Route error and rebalance events to rd_kafka_consumer_poll, so a
        // single poll loop serves everything.
        let code = handle.withUnsafeHandle { rd_kafka_poll_set_consumer($0) }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(code) }
        self.handle = handle
        self.logger = logger
    }

    /// Consume errors that mean the subscription itself is wrong: retrying cannot help.
    static let permanent: Set<KafkaErrorCode> = [.unknownTopic, .unknownPartition, .unknownTopicOrPartition, .topicAuthorizationFailed]

    deinit {
        try? close()
    }

    public func subscribe(topics: [String]) throws {
        let list = try RdKafkaTopicPartitionList(capacity: topics.count)
        for topic in topics {
            list.add(topic: topic, partition: crdkafka_partition_unassigned())
        }
        let code = handle.withUnsafeHandle { rk in list.withUnsafeHandle { rd_kafka_subscribe(rk, $0) } }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(code, reason: "subscribe to \(topics) failed: \(KafkaErrorCode(code).reason)")
        }
    }

    /// Returns the next message, or nil if none arrived within `timeout`.
    /// Also serves rebalances, so call it regularly (well within
    /// `max.poll.interval.ms`) even when idle.
    /// Throws fatal errors and those no retry cures (`permanent`); logs the others, which
    /// librdkafka recovers from by itself.
    public func poll(timeout: Duration) throws -> KafkaMessage? {
        try poll(maxMessages: 1, timeout: timeout).first
    }

    /// Waits up to `timeout` for the first message, then takes whatever else
    /// is already fetched, up to `maxMessages`, without waiting again.
    public func poll(maxMessages: Int, timeout: Duration) throws -> [KafkaMessage] {
        var batch: [KafkaMessage] = []
        try poll(maxMessages: maxMessages, timeout: timeout) { batch.append($0.copy()) }
        return batch
    }

    /// The same, lending each message to `body` instead of copying it out; returns how
    /// many it lent. Reaching a partition's end ends the batch early.
    @discardableResult
    public func poll(maxMessages: Int, timeout: Duration, _ body: (borrowing KafkaMessageView) throws -> Void) throws -> Int {
        var topics = TopicNames()
        var lent = 0
        var wait = timeout
        while lent < maxMessages {
            guard let received = handle.withUnsafeHandle({ rd_kafka_consumer_poll($0, wait.milliseconds) }) else { break }
            defer { rd_kafka_message_destroy(received) }
            wait = .zero
            let code = received.pointee.err
            if code == RD_KAFKA_RESP_ERR__PARTITION_EOF { break }
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                let error = handle.fatalError() ?? KafkaError(code, reason: String(cString: rd_kafka_message_errstr(received)))
                if error.isFatal || Self.permanent.contains(error.code) { throw error }
                // librdkafka retries a failed fetch by itself and reports it for information:
                // throwing here stopped the stream processor on a broker's passing error.
                logger.warning("consumer error; librdkafka retries", metadata: [KafkaLogKey.error: "\(error)"])
                continue
            }
            let topic = topics.name(of: received.pointee.rkt)
            try body(KafkaMessageView(topic: topic, message: received))
            lent += 1
        }
        return lent
    }

    /// Synchronously commits exactly these positions for the group; returns
    /// once the coordinator acknowledged them.
    public func commit(offsets: [TopicPartitionOffset]) throws {
        guard !offsets.isEmpty else { return }
        let list = try RdKafkaTopicPartitionList(capacity: offsets.count)
        for entry in offsets {
            list.add(topic: entry.topic, partition: entry.partition, offset: entry.nextOffset)
        }
        let code = handle.withUnsafeHandle { rk in list.withUnsafeHandle { rd_kafka_commit(rk, $0, 0) } }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(code, reason: "commit failed: \(KafkaErrorCode(code).reason)")
        }
        if let failed = list.entries.first(where: { $0.error != nil })?.error {
            throw failed
        }
    }

    /// Tuple form of `commit(offsets:)`.
    public func commit(offsets: [(topic: String, partition: Int32, nextOffset: Int64)]) throws {
        try commit(
            offsets: offsets.map {
                TopicPartitionOffset(topic: $0.topic, partition: $0.partition, nextOffset: $0.nextOffset)
            })
    }

    /// The group's committed next-offsets; partitions without a commit are
    /// absent from the result.
    public func committedOffsets(for partitions: [TopicPartition], timeout: Duration) throws -> [TopicPartition: Int64] {
        let list = try RdKafkaTopicPartitionList(capacity: partitions.count)
        for partition in partitions {
            list.add(topic: partition.topic, partition: partition.partition)
        }
        let code = handle.withUnsafeHandle { rk in
            list.withUnsafeHandle { rd_kafka_committed(rk, $0, timeout.milliseconds) }
        }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(code) }
        var result: [TopicPartition: Int64] = [:]
        for (entry, error) in list.entries {
            if let error { throw error }
            if entry.nextOffset >= 0 { result[entry.topicPartition] = entry.nextOffset }
        }
        return result
    }

    /// Where the broker's log of the partition now begins (its low watermark), asked of the
    /// broker: records before it were deleted. nil when the broker does not answer in time.
    public func logStart(of partition: TopicPartition, timeout: Duration) -> Int64? {
        var low: Int64 = -1
        var high: Int64 = -1
        let code = handle.withUnsafeHandle { rk in
            rd_kafka_query_watermark_offsets(rk, partition.topic, partition.partition, &low, &high, timeout.milliseconds)
        }
        return code == RD_KAFKA_RESP_ERR_NO_ERROR && low >= 0 ? low : nil
    }

    /// Partitions this member currently owns in its group.
    public func assignment() throws -> [TopicPartition] {
        var raw: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        let code = handle.withUnsafeHandle { rd_kafka_assignment($0, &raw) }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let raw else { throw KafkaError(code) }
        return RdKafkaTopicPartitionList(adopting: raw).entries.map { $0.partition.topicPartition }
    }

    /// Leaves the group (triggering a rebalance for the others) and stops
    /// fetching. Safe to call more than once; later calls do nothing.
    public func close() throws {
        let alreadyClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !alreadyClosed else { return }
        let code = handle.withUnsafeHandle { rd_kafka_consumer_close($0) }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(code) }
        logger.debug("consumer closed", metadata: [KafkaLogKey.client: "\(handle.name)"])
    }
}
