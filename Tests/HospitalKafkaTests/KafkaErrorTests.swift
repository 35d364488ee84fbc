import HospitalKafka
import Logging
import Testing

extension KafkaTests {
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct KafkaErrorTests {
        @Test("Description names the librdkafka code, its symbol and reason")
        func describesKnownCode() {
            let error = KafkaError(code: .queueFull)
            #expect(error.code.rawValue == -184)
            #expect(error.name == "_QUEUE_FULL")
            #expect(error.reason == "Local: Queue full")
            #expect(error.description == "KafkaError(-184 _QUEUE_FULL): Local: Queue full")
            #expect(KafkaErrorCode.notEnoughReplicas.name == "NOT_ENOUGH_REPLICAS")
        }

        @Test("Secrets never appear in settings descriptions or configuration errors")
        func secretsAreRedacted() throws {
            let settings = KafkaSettings(
                bootstrapServers: "localhost:9092", clientID: "ehr",
                properties: ["sasl.password": "hunter2", "linger.ms": "5"])
            #expect(!settings.description.contains("hunter2"))
            #expect(settings.description.contains("linger.ms=5"))

            // The only property librdkafka refuses is a secret one, so the refusal must take
            // the redacting branch (properties are applied in name order: an earlier bad key
            // would fail first and prove nothing).
            let bad = KafkaSettings(
                bootstrapServers: "localhost:9092", clientID: "ehr",
                properties: ["no.such.secret": "hunter2", "linger.ms": "5"])
            let error = #expect(throws: KafkaError.self) {
                _ = try RdKafkaProducer(settings: bad, logger: TestSupport.logger)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.reason == "invalid value for configuration property \"no.such.secret\" (value redacted)")
            #expect(error.map { !$0.description.contains("hunter2") } ?? false)
        }

        @Test("An invalid value is reported as a KafkaError from init")
        func invalidValue() {
            let settings = KafkaSettings(
                bootstrapServers: "localhost:9092", clientID: "ehr",
                properties: ["session.timeout.ms": "not-a-number"])
            let error = #expect(throws: KafkaError.self) {
                _ = try RdKafkaConsumer(settings: settings, groupID: "g", logger: TestSupport.logger)
            }
            #expect(error?.reason.contains("session.timeout.ms") == true, "\(String(describing: error))")
        }
    }
}
