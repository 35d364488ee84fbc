import HospitalCore
import HospitalKafka
import Logging

/// At start, the producer and the stream processor create the topics of
/// `kafka_config.json` that the broker lacks (with its `partitions`), since Compose's Kafka
/// does not auto-create topics (docs/lake.md §Topics). Both do it, whichever starts first,
/// so the stream processor's subscription never waits for a metadata refresh.
///
/// A broker that is not up yet (its container started, Kafka not listening; a broker being
/// restarted) is waited for, as the services wait for one once running: an attempt that fails
/// in a way a later one can cure is logged and made again after a backoff, until the broker
/// answers or the service is asked to stop. Any other failure is thrown at once.
public struct TopicSetup: Sendable {
    /// One attempt: the topics, their partitions and how long to wait for the cluster; it
    /// returns the topics it created.
    public typealias Attempt = ([String], Int?, Duration) throws -> [String]

    /// No broker reachable or answering yet: what a later attempt can cure.
    static let curable: Set<KafkaErrorCode> = [
        .transport, .allBrokersDown, .resolve, .timedOut, .requestTimedOut, .brokerNotAvailable, .notController,
        .leaderNotAvailable,
    ]

    let config: KafkaConfig
    let logger: Logger
    let attemptTimeout: Duration
    let retry: Backoff

    public init(
        config: KafkaConfig, logger: Logger, attemptTimeout: Duration = .seconds(5),
        retry: Backoff = Backoff(base: 0.5, ceiling: 5)
    ) {
        self.config = config
        self.logger = logger
        self.attemptTimeout = attemptTimeout
        self.retry = retry
    }

    /// The topics it created, or nil (logged) when asked to stop before the broker answered.
    public func run(_ attempt: Attempt, shouldStop: () -> Bool) async throws -> [String]? {
        var failures = 0
        while !shouldStop() {
            do {
                let created = try attempt(config.topics.all, config.partitions, attemptTimeout)
                if !created.isEmpty {
                    logger.notice("created topics", metadata: [LogKey.topic: "\(created.joined(separator: ","))"])
                }
                return created
            } catch let error as KafkaError where !error.isFatal && Self.curable.contains(error.code) {
                failures += 1
                let delay = retry.delay(afterAttempt: failures)
                logger.warning(
                    "no broker answers yet; asking again",
                    metadata: [LogKey.reason: "\(error)", LogKey.attempt: "\(failures)", LogKey.retryIn: "\(delay)"])
                // In short steps, so a SIGTERM during the backoff is answered at once.
                let wake = ContinuousClock.now + .milliseconds(Int(delay * 1000))
                while ContinuousClock.now < wake, !shouldStop() { try await Task.sleep(for: .milliseconds(50)) }
            }
        }
        logger.info("stopping", metadata: [LogKey.reason: "asked to stop while waiting for the broker"])
        return nil
    }
}
