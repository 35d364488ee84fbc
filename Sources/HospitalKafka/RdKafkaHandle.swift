import CRdKafka

/// Owns one `rd_kafka_t` (producer or consumer) and the callback context
/// its C callbacks point at.
///
/// `@unchecked Sendable` because the pointer is immutable after init and
/// librdkafka documents `rd_kafka_t` as safe to use from multiple threads;
/// it is destroyed only in `deinit`, when no Swift reference remains.
final class RdKafkaHandle: @unchecked Sendable {
    enum Kind {
        case producer
        case consumer

        var cType: rd_kafka_type_t {
            switch self {
            case .producer: RD_KAFKA_PRODUCER
            case .consumer: RD_KAFKA_CONSUMER
            }
        }
    }

    private let pointer: OpaquePointer
    /// Released only after `rd_kafka_destroy` in `deinit` has returned.
    private let context: CallbackContext

    /// Consumes `config`: on success librdkafka owns it, on failure the
    /// `RdKafkaConfig` still frees it.
    init(kind: Kind, config: RdKafkaConfig, context: CallbackContext) throws {
        config.withUnsafeHandle { conf in
            rd_kafka_conf_set_opaque(conf, context.opaque)
            KafkaLogBridge.install(on: conf)
        }
        var errstr = [CChar](repeating: 0, count: 512)
        let created = config.handOver { conf in
            rd_kafka_new(kind.cType, conf, &errstr, errstr.count)
        }
        guard let created else {
            throw KafkaError(RD_KAFKA_RESP_ERR__INVALID_ARG, errstr: errstr)
        }
        self.pointer = created
        self.context = context
    }

    deinit {
        rd_kafka_destroy(pointer)
    }

    var name: String {
        String(cString: rd_kafka_name(pointer))
    }

    func withUnsafeHandle<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try body(pointer)
    }

    /// The fatal error librdkafka raised on this handle, if any.
    func fatalError() -> KafkaError? {
        var errstr = [CChar](repeating: 0, count: 512)
        let code = rd_kafka_fatal_error(pointer, &errstr, errstr.count)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let error = KafkaError(code, errstr: errstr)
        return KafkaError(code: error.code, reason: error.reason, isFatal: true)
    }
}
