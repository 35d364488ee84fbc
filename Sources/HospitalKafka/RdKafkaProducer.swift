import CRdKafka
import Logging

/// Idempotent Kafka producer: every acknowledged message is stored exactly
/// once and in order per partition, even when librdkafka retries after
/// broker failures — what a clinical event stream needs.
///
/// Sending is asynchronous: `send` only queues the message. Call `poll` now
/// and then (or `flush` at checkpoints) to receive `DeliveryReport`s; a
/// message counts as delivered only once its report has no error.
///
/// Thread-safe: any thread may `send`, `poll` or `flush`.
public final class RdKafkaProducer: Sendable {
    let handle: RdKafkaHandle
    private let tracker: DeliveryTracker
    private let logger: Logger

    /// Settings' properties may tune batching (`linger.ms`, ...) but cannot
    /// turn off idempotence or `acks=all`; those are enforced.
    public init(settings: KafkaSettings, logger: Logger) throws {
        let tracker = DeliveryTracker()
        let config = try settings.makeConfig(
            defaults: [:],
            enforced: ["enable.idempotence": "true", "acks": "all"],
            logger: logger
        )
        config.withUnsafeHandle { conf in
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, opaque in
                guard let message, let delivery = CallbackContext.from(opaque)?.delivery else { return }
                delivery.record(message)
            }
        }
        let context = CallbackContext(logger: logger, delivery: tracker)
        self.handle = try RdKafkaHandle(kind: .producer, config: config, context: context)
        self.tracker = tracker
        self.logger = logger
        logger.debug("producer created", metadata: [KafkaLogKey.client: "\(handle.name)", KafkaLogKey.settings: "\(settings)"])
    }

    /// Queues one message. Returns the token its `DeliveryReport` will carry.
    ///
    /// When librdkafka's local queue is full this serves delivery reports and
    /// retries, applying back-pressure to the caller instead of failing,
    /// until `queueFullTimeout` has passed.
    /// - Parameter partition: nil lets the partitioner hash the key, which
    ///   keeps all messages for one key (e.g. one patient) in order.
    @discardableResult
    public func send(
        topic: String,
        key: [UInt8]?,
        value: [UInt8],
        partition: Int32? = nil,
        queueFullTimeout: Duration = .seconds(30)
    ) throws -> MessageToken {
        try value.withUnsafeBytes { valueBytes in
            if let key {
                try key.withUnsafeBytes { keyBytes in
                    try send(
                        topic: topic, key: keyBytes, value: valueBytes,
                        partition: partition, queueFullTimeout: queueFullTimeout)
                }
            } else {
                try send(
                    topic: topic, key: nil, value: valueBytes,
                    partition: partition, queueFullTimeout: queueFullTimeout)
            }
        }
    }

    /// Same as the array form without an intermediate copy; librdkafka
    /// copies the bytes before this returns.
    @discardableResult
    public func send(
        topic: String,
        key: UnsafeRawBufferPointer?,
        value: UnsafeRawBufferPointer,
        partition: Int32? = nil,
        queueFullTimeout: Duration = .seconds(30)
    ) throws -> MessageToken {
        let token = tracker.begin()
        var deadline: ContinuousClock.Instant?  // read the clock only when the queue is full
        while true {
            let code = handle.withUnsafeHandle { rk in
                crdkafka_produce_copy(
                    rk, topic, partition ?? -1,
                    value.baseAddress, value.count,
                    key?.baseAddress, key?.count ?? 0,
                    token.opaque
                )
            }
            if code == RD_KAFKA_RESP_ERR_NO_ERROR {
                return token
            }
            if deadline == nil { deadline = ContinuousClock.now + queueFullTimeout }
            guard code == RD_KAFKA_RESP_ERR__QUEUE_FULL, let deadline, ContinuousClock.now < deadline else {
                tracker.abandon(token)
                throw handle.fatalError() ?? KafkaError(code, reason: "produce to \(topic) failed: \(KafkaErrorCode(code).reason)")
            }
            // Serving delivery reports is what frees queue space.
            handle.withUnsafeHandle { rk in _ = rd_kafka_poll(rk, 100) }
        }
    }

    /// Learns the topics' partitions now. A topic first met in `send` waits for
    /// librdkafka's topic scan, which runs once a second, before its messages can leave,
    /// so a burst to a new topic stalls up to a second; asking up front costs one round
    /// trip per topic. Throws when the broker does not answer within `timeout`.
    public func prepare(topics: [String], timeout: Duration) throws {
        for topic in topics {
            let code = handle.withUnsafeHandle { rk -> rd_kafka_resp_err_t in
                guard let rkt = rd_kafka_topic_new(rk, topic, nil) else { return rd_kafka_last_error() }
                defer { rd_kafka_topic_destroy(rkt) }
                var metadata: UnsafePointer<rd_kafka_metadata_t>?
                let code = rd_kafka_metadata(rk, 0, rkt, &metadata, timeout.milliseconds)
                if let metadata { rd_kafka_metadata_destroy(metadata) }
                return code
            }
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(code, reason: "metadata of \(topic): \(KafkaErrorCode(code).reason)")
            }
        }
    }

    /// Serves delivery callbacks for up to `timeout` and returns the reports
    /// received since the last `poll`/`flush`.
    public func poll(timeout: Duration = .zero) -> [DeliveryReport] {
        handle.withUnsafeHandle { rk in _ = rd_kafka_poll(rk, timeout.milliseconds) }
        return tracker.drain()
    }

    /// Waits until every message sent so far has its delivery report, then
    /// returns all reports not yet collected (successes and failures).
    ///
    /// Throws `.timedOut` if some are still outstanding at `timeout`; the
    /// reports gathered so far stay buffered for the next call, so nothing
    /// is lost by retrying.
    public func flush(timeout: Duration) throws -> [DeliveryReport] {
        let deadline = ContinuousClock.now + timeout
        while tracker.inFlight > 0 {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw handle.fatalError()
                    ?? KafkaError(
                        RD_KAFKA_RESP_ERR__TIMED_OUT,
                        reason: "\(tracker.inFlight) message(s) still awaiting delivery reports")
            }
            // rd_kafka_flush also serves the delivery callbacks.
            _ = handle.withUnsafeHandle { rk in rd_kafka_flush(rk, min(remaining, .milliseconds(500)).milliseconds) }
        }
        return tracker.drain()
    }

    /// The most key and value bytes one message may carry: `message.max.bytes` as this
    /// producer was configured (librdkafka's default, 1,000,000, unless set), less the 36
    /// bytes librdkafka counts for a record's own fields. A larger message is refused by
    /// librdkafka, or by a broker that allows less, or held by one that allows more and lost
    /// to its retention; the producer sets such an event's file aside instead.
    public var maxEventBytes: Int {
        let configured = handle.withUnsafeHandle { rk -> Int in
            var text = [CChar](repeating: 0, count: 32)
            var size = text.count
            guard let conf = rd_kafka_conf(rk), rd_kafka_conf_get(conf, "message.max.bytes", &text, &size) == RD_KAFKA_CONF_OK
            else { return 1_000_000 }
            return Int(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) ?? 1_000_000
        }
        return configured - 36
    }

    /// Messages sent whose delivery report has not arrived yet.
    public var inFlightCount: Int { tracker.inFlight }

    /// Set when librdkafka gave up on idempotent guarantees; the producer
    /// must then be recreated.
    public var fatalError: KafkaError? { handle.fatalError() }

    deinit {
        let pending = tracker.inFlight
        if pending > 0 {
            logger.warning("producer destroyed with messages without delivery report", metadata: [KafkaLogKey.inFlight: "\(pending)"])
        }
    }
}
