import CRdKafka
import Logging

/// librdkafka's built-in, in-process mock Kafka cluster.
///
/// Lets the pipeline's real `RdKafkaProducer`/`RdKafkaConsumer` code run in
/// tests and locally without a broker: point `KafkaSettings` at
/// `bootstrapServers` and nothing else changes. The fault methods reproduce
/// the broker failures the pipeline must survive. librdkafka marks this API
/// experimental; only what exists in librdkafka 2.0.2 is wrapped.
///
/// Keep the cluster alive (e.g. `withExtendedLifetime`) until every client
/// using it is closed, or their close/flush will wait on vanished brokers.
///
/// `@unchecked Sendable`: the pointer is immutable, and every mock call only
/// posts an operation to the mock cluster's own thread under its lock.
public final class RdKafkaMockCluster: @unchecked Sendable {
    /// The cluster needs an `rd_kafka_t` for bookkeeping; this idle producer
    /// is never used for traffic and must outlive the cluster pointer.
    private let host: RdKafkaHandle
    private let pointer: OpaquePointer
    /// Comma separated `host:port` list of the mock brokers (ids 1...N).
    public let bootstrapServers: String
    public let brokerCount: Int

    public init(brokerCount: Int = 3, logger: Logger) throws {
        let config = try KafkaSettings(bootstrapServers: "", clientID: "mock-cluster-host")
            .makeConfig(defaults: [:], enforced: [:], logger: logger)
        let host = try RdKafkaHandle(kind: .producer, config: config, context: CallbackContext(logger: logger))
        guard let cluster = host.withUnsafeHandle({ rd_kafka_mock_cluster_new($0, Int32(clamping: brokerCount)) }) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, reason: "rd_kafka_mock_cluster_new failed")
        }
        self.host = host
        self.pointer = cluster
        self.brokerCount = brokerCount
        self.bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(pointer)
        // `host` is released after this, so rd_kafka_destroy runs last.
    }

    func withUnsafeHandle<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try body(pointer)
    }

    /// Creates a topic up front; otherwise the mock auto-creates topics with
    /// one partition on first use, which hides partitioning bugs.
    public func createTopic(name: String, partitions: Int, replicationFactor: Int = 1) throws {
        try check(
            rd_kafka_mock_topic_create(pointer, name, Int32(clamping: partitions), Int32(clamping: replicationFactor)),
            "create topic \(name)")
    }

    /// Disconnects the broker and refuses new connections. Partition
    /// leadership does not move, so its partitions stall until `setBrokerUp`.
    public func setBrokerDown(_ brokerID: Int32) throws {
        try check(rd_kafka_mock_broker_set_down(pointer, brokerID), "set broker \(brokerID) down")
    }

    public func setBrokerUp(_ brokerID: Int32) throws {
        try check(rd_kafka_mock_broker_set_up(pointer, brokerID), "set broker \(brokerID) up")
    }

    /// Adds latency to every response from one broker.
    public func setRTT(broker brokerID: Int32, rtt: Duration) throws {
        try check(rd_kafka_mock_broker_set_rtt(pointer, brokerID, rtt.milliseconds), "set RTT on broker \(brokerID)")
    }

    /// The next `errors.count` requests of this type, to any broker, fail
    /// with these codes in order.
    public func pushRequestErrors(apiKey: KafkaAPIKey, errors: [KafkaErrorCode]) {
        let codes = errors.map(\.cValue)
        codes.withUnsafeBufferPointer { buffer in
            rd_kafka_mock_push_request_errors_array(pointer, apiKey.rawValue, buffer.count, buffer.baseAddress)
        }
    }

    /// Like `pushRequestErrors`, but for one broker and with a response delay
    /// per error (`.noError` + an RTT simulates a slow broker).
    public func pushBrokerRequestErrors(
        broker brokerID: Int32, apiKey: KafkaAPIKey,
        errors: [(error: KafkaErrorCode, rtt: Duration)]
    ) throws {
        for (error, rtt) in errors {
            try check(
                crdkafka_mock_broker_push_request_error_rtt(
                    pointer, brokerID, apiKey.rawValue,
                    error.cValue, rtt.milliseconds),
                "push request error on broker \(brokerID)")
        }
    }

    public func clearRequestErrors(apiKey: KafkaAPIKey) {
        rd_kafka_mock_clear_request_errors(pointer, apiKey.rawValue)
    }

    /// Moves partition leadership, e.g. away from a broker about to go down.
    public func setPartitionLeader(topic: String, partition: Int32, broker brokerID: Int32) throws {
        try check(
            rd_kafka_mock_partition_set_leader(pointer, topic, partition, brokerID),
            "set leader of \(topic)[\(partition)]")
    }

    /// Error returned for this topic in Metadata requests (`.noError` clears).
    public func setTopicError(topic: String, error: KafkaErrorCode) {
        rd_kafka_mock_topic_set_error(pointer, topic, error.cValue)
    }

    private func check(_ code: rd_kafka_resp_err_t, _ what: String) throws {
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(code, reason: "mock cluster: \(what) failed: \(KafkaErrorCode(code).reason)")
        }
    }
}
