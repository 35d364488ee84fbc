import HospitalKafka
import Logging
import Testing

/// Shared helpers: every test starts its own mock cluster so tests never
/// see each other's topics, groups or injected faults.
/// Parent of every suite: its `.serialized` trait also applies to the nested
/// suites, so the mock-cluster tests never compete for the 2 CI cores and
/// their timing assumptions (rebalance delays, broker downtime) hold.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct KafkaTests {}

enum TestSupport {
    static let logger: Logger = {
        var logger = Logger(label: "hospital-kafka-tests")
        logger.logLevel = .warning
        return logger
    }()

    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    }

    static func producerSettings(_ cluster: RdKafkaMockCluster, client: String) -> KafkaSettings {
        KafkaSettings(bootstrapServers: cluster.bootstrapServers, clientID: client)
    }

    static func consumerSettings(_ cluster: RdKafkaMockCluster, client: String) -> KafkaSettings {
        KafkaSettings(
            bootstrapServers: cluster.bootstrapServers,
            clientID: client,
            // The mock delays a rebalance of a non-empty group by
            // session.timeout.ms - 1 s, so keep it short in tests.
            properties: ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"]
        )
    }

    static func key(_ i: Int) -> [UInt8] { Array("patient-\(i % 97)".utf8) }
    static func value(_ i: Int) -> [UInt8] { Array("ADT^A01|msg-\(i)".utf8) }
    static func index(ofValue value: [UInt8]) -> Int? {
        Int(String(decoding: value, as: UTF8.self).split(separator: "-").last ?? "")
    }

    /// Sends messages `range` and waits for all their delivery reports.
    static func produce(_ range: Range<Int>, to topic: String, with producer: RdKafkaProducer) throws -> [DeliveryReport] {
        for i in range {
            try producer.send(topic: topic, key: key(i), value: value(i))
        }
        return try producer.flush(timeout: .seconds(60))
    }

    /// Polls the consumers round-robin until `count` messages arrived in
    /// total or `timeout` passed; returns what each consumer saw.
    static func consume(_ consumers: [RdKafkaConsumer], count: Int, timeout: Duration) throws -> [[KafkaMessage]] {
        var seen = Array(repeating: [KafkaMessage](), count: consumers.count)
        let deadline = ContinuousClock.now + timeout
        while seen.map(\.count).reduce(0, +) < count, ContinuousClock.now < deadline {
            for (index, consumer) in consumers.enumerated() {
                seen[index] += try consumer.poll(maxMessages: 1_000, timeout: .milliseconds(50))
            }
        }
        return seen
    }

    /// Polls until every consumer owns at least one partition and together
    /// they own `partitions`, i.e. the group has settled.
    static func waitForAssignment(_ consumers: [RdKafkaConsumer], partitions: Int, timeout: Duration) throws -> [[TopicPartition]] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var owned: [[TopicPartition]] = []
            for consumer in consumers {
                let early = try consumer.poll(timeout: .milliseconds(100))
                #expect(early == nil, "no messages expected before the group settled")
                owned.append(try consumer.assignment())
            }
            if owned.allSatisfy({ !$0.isEmpty }), Set(owned.joined()).count == partitions {
                return owned
            }
        }
        throw KafkaError(code: .timedOut, reason: "consumer group did not settle")
    }

    /// Highest offset + 1 per partition, i.e. what to commit.
    static func nextOffsets(_ messages: [KafkaMessage]) -> [TopicPartitionOffset] {
        var next: [TopicPartition: Int64] = [:]
        for message in messages {
            let tp = TopicPartition(topic: message.topic, partition: message.partition)
            next[tp] = max(next[tp] ?? 0, message.offset + 1)
        }
        return next.map { TopicPartitionOffset(topic: $0.key.topic, partition: $0.key.partition, nextOffset: $0.value) }
    }

    /// Every index 0..<count delivered exactly once, with its own key.
    static func expectExactlyOnce(_ messages: [KafkaMessage], count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(messages.count == count, sourceLocation: sourceLocation)
        let indices = messages.compactMap { index(ofValue: $0.value) }
        #expect(Set(indices) == Set(0..<count), sourceLocation: sourceLocation)
        #expect(
            messages.allSatisfy { message in
                index(ofValue: message.value).map { key($0) == message.key } ?? false
            }, sourceLocation: sourceLocation)
    }
}
