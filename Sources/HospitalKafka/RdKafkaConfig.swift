import CRdKafka

/// Owns an `rd_kafka_conf_t` until `rd_kafka_new` takes it over.
///
/// librdkafka only takes ownership of the configuration when `rd_kafka_new`
/// succeeds; on failure the caller must still destroy it. Tracking that here
/// keeps every client init leak-free and double-free-free.
final class RdKafkaConfig {
    private var pointer: OpaquePointer?

    init() throws {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, reason: "rd_kafka_conf_new failed")
        }
        pointer = conf
    }

    deinit {
        if let pointer {
            rd_kafka_conf_destroy(pointer)
        }
    }

    /// Sets one property. For sensitive keys librdkafka's error text (which
    /// may echo the value) is replaced so a password can't leak into logs.
    func set(_ key: String, _ value: String) throws {
        var errstr = [CChar](repeating: 0, count: 512)
        let result = withUnsafeHandle { conf in
            rd_kafka_conf_set(conf, key, value, &errstr, errstr.count)
        }
        guard result == RD_KAFKA_CONF_OK else {
            if KafkaSettings.isSensitive(key) {
                throw KafkaError(
                    RD_KAFKA_RESP_ERR__INVALID_ARG,
                    reason: "invalid value for configuration property \"\(key)\" (value redacted)")
            }
            throw KafkaError(RD_KAFKA_RESP_ERR__INVALID_ARG, errstr: errstr)
        }
    }

    /// Scoped access while this object still owns the configuration.
    func withUnsafeHandle<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        guard let pointer else {
            preconditionFailure("RdKafkaConfig used after it was handed to rd_kafka_new")
        }
        return try body(pointer)
    }

    /// Runs `create` (a call to `rd_kafka_new`) and gives up ownership only
    /// if it produced a handle, matching librdkafka's ownership rule.
    func handOver(_ create: (OpaquePointer) throws -> OpaquePointer?) rethrows -> OpaquePointer? {
        let handle = try withUnsafeHandle(create)
        if handle != nil {
            pointer = nil
        }
        return handle
    }
}
