import CRdKafka

/// A librdkafka `rd_kafka_resp_err_t` value.
///
/// Wrapped in our own type so that code using HospitalKafka never has to
/// import the C module: the numeric value is stable across librdkafka
/// versions, the C enum type is not part of our public surface.
public struct KafkaErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    init(_ code: rd_kafka_resp_err_t) {
        self.rawValue = Int32(code.rawValue)
    }

    var cValue: rd_kafka_resp_err_t {
        rd_kafka_resp_err_t(rawValue: numericCast(rawValue))
    }

    /// Symbolic name such as `_QUEUE_FULL` or `NOT_ENOUGH_REPLICAS`, which is
    /// what operators grep for in librdkafka's own logs and documentation.
    public var name: String {
        String(cString: rd_kafka_err2name(cValue))
    }

    /// librdkafka's generic human readable text for the code.
    public var reason: String {
        String(cString: rd_kafka_err2str(cValue))
    }

    public var description: String { "\(name) (\(rawValue))" }

    // Codes the pipeline reacts to or injects in tests; any other code can
    // still be expressed with `init(rawValue:)`.
    public static let noError = KafkaErrorCode(RD_KAFKA_RESP_ERR_NO_ERROR)
    public static let fail = KafkaErrorCode(RD_KAFKA_RESP_ERR__FAIL)
    public static let transport = KafkaErrorCode(RD_KAFKA_RESP_ERR__TRANSPORT)
    public static let allBrokersDown = KafkaErrorCode(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
    public static let resolve = KafkaErrorCode(RD_KAFKA_RESP_ERR__RESOLVE)
    public static let destroy = KafkaErrorCode(RD_KAFKA_RESP_ERR__DESTROY)
    public static let invalidArgument = KafkaErrorCode(RD_KAFKA_RESP_ERR__INVALID_ARG)
    public static let timedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__TIMED_OUT)
    public static let messageTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
    public static let queueFull = KafkaErrorCode(RD_KAFKA_RESP_ERR__QUEUE_FULL)
    public static let partitionEOF = KafkaErrorCode(RD_KAFKA_RESP_ERR__PARTITION_EOF)
    public static let unknownTopic = KafkaErrorCode(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
    public static let unknownPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
    public static let unknownBroker = KafkaErrorCode(RD_KAFKA_RESP_ERR__UNKNOWN_BROKER)
    public static let fatal = KafkaErrorCode(RD_KAFKA_RESP_ERR__FATAL)
    public static let state = KafkaErrorCode(RD_KAFKA_RESP_ERR__STATE)
    public static let unknownTopicOrPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
    public static let notLeaderForPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
    public static let requestTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
    public static let brokerNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE)
    public static let notController = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_CONTROLLER)
    public static let notEnoughReplicas = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
    public static let notEnoughReplicasAfterAppend = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND)
    public static let leaderNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
    public static let coordinatorNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE)
    public static let rebalanceInProgress = KafkaErrorCode(RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
    public static let topicAuthorizationFailed = KafkaErrorCode(RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
}
