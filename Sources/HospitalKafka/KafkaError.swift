import CRdKafka

/// Every failure HospitalKafka reports, from configuration to delivery.
///
/// Carries librdkafka's numeric code so callers can branch on it (retry on
/// `.queueFull`, alert on `.fatal`) rather than on text. The `reason` is
/// built only from librdkafka messages or our own wording and never contains
/// configuration values, so it is safe to log even when SASL/SSL passwords
/// are configured (see `KafkaSettings.isSensitive`).
public struct KafkaError: Error, CustomStringConvertible, Sendable, Equatable {
    public let code: KafkaErrorCode
    public let reason: String
    /// True when librdkafka considers the client unusable (e.g. the
    /// idempotent producer lost its sequence guarantees); the handle has to
    /// be recreated.
    public let isFatal: Bool

    public init(code: KafkaErrorCode, reason: String? = nil, isFatal: Bool = false) {
        self.code = code
        self.reason = reason ?? code.reason
        self.isFatal = isFatal
    }

    init(_ code: rd_kafka_resp_err_t, reason: String? = nil, isFatal: Bool = false) {
        self.init(code: KafkaErrorCode(code), reason: reason, isFatal: isFatal)
    }

    /// Builds an error from a C `errstr` buffer, falling back to the generic
    /// text when librdkafka left it empty.
    init(_ code: rd_kafka_resp_err_t, errstr: [CChar]) {
        let text = errstr.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.init(code, reason: text.isEmpty ? nil : text)
    }

    /// The librdkafka symbolic name, e.g. `_MSG_TIMED_OUT`.
    public var name: String { code.name }

    public var description: String {
        "KafkaError(\(code.rawValue) \(name)\(isFatal ? ", fatal" : "")): \(reason)"
    }
}
