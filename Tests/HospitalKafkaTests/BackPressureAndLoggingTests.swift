import HospitalKafka
import Logging
import Synchronization
import Testing

extension KafkaTests {
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct BackPressureAndLoggingTests {
        @Test("A full local queue makes send wait and retry instead of failing")
        func queueFullIsRetried() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 1, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("backpressure")
                try cluster.createTopic(name: topic, partitions: 3)
                var settings = TestSupport.producerSettings(cluster, client: "producer")
                settings.properties["queue.buffering.max.messages"] = "50"
                let producer = try RdKafkaProducer(settings: settings, logger: TestSupport.logger)
                let reports = try TestSupport.produce(0..<5_000, to: topic, with: producer)
                #expect(reports.count == 5_000)
                #expect(reports.allSatisfy { $0.isSuccess })
                #expect(reports.map(\.token.rawValue).sorted() == Array(1...5_000))
            }
        }

        @Test("librdkafka log lines reach the caller's Logger at the mapped level")
        func logsAreBridged() throws {
            let records = CapturedRecords()
            var logger = Logger(label: "capture") { _ in CapturingLogHandler(records: records) }
            logger.logLevel = .debug
            let settings = KafkaSettings(
                bootstrapServers: "127.0.0.1:1", clientID: "log-test",
                properties: ["session.timeout.ms": "6000"])
            do {
                // A consumer-only property on a producer makes librdkafka
                // emit a CONFWARN (syslog 4) from rd_kafka_new.
                _ = try RdKafkaProducer(settings: settings, logger: logger)
            }
            let confWarnings = records.all.filter { $0.metadata[KafkaLogKey.facility] == "CONFWARN" }
            #expect(!confWarnings.isEmpty)
            #expect(confWarnings.allSatisfy { $0.level == .warning })
            #expect(confWarnings.allSatisfy { $0.message == "librdkafka log" && $0.metadata[KafkaLogKey.librdkafkaMessage] != nil })
            #expect(confWarnings.allSatisfy { $0.metadata[KafkaLogKey.client]?.description.hasPrefix("log-test") == true })
        }
    }
}

/// Thread-safe store for log records, since librdkafka logs from its own threads.
final class CapturedRecords: Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: Logger.Metadata
    }

    private let records = Mutex<[Record]>([])

    func append(_ record: Record) { records.withLock { $0.append(record) } }
    var all: [Record] { records.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let records: CapturedRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    // swift-log 1.16's event-based entry point (the flat-parameter one is
    // deprecated there).
    func log(event: LogEvent) {
        records.append(
            .init(
                level: event.level, message: event.message.description,
                metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}
