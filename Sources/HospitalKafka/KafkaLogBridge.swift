import CRdKafka
import Logging

/// Routes librdkafka's own log lines and error events into the caller's
/// swift-log `Logger`.
///
/// librdkafka emits logs from its broker and main threads, not from the
/// thread that polls. Rather than queueing them (`log.queue`), which would
/// delay or lose them when the application stops polling, the callback logs
/// directly: swift-log requires `LogHandler`s to be thread-safe and the
/// `Logger` lives in the immutable, `Sendable` `CallbackContext`.
enum KafkaLogBridge {
    /// Installs the log and error callbacks on a configuration whose opaque
    /// is already the `CallbackContext`.
    static func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, message in
            guard let rk, let context = CallbackContext.from(rd_kafka_opaque(rk)) else { return }
            KafkaLogBridge.forward(
                context.logger,
                level: level,
                facility: facility.map { String(cString: $0) } ?? "",
                message: message.map { String(cString: $0) } ?? "",
                client: String(cString: rd_kafka_name(rk))
            )
        }
        rd_kafka_conf_set_error_cb(conf) { rk, code, reason, opaque in
            guard let rk, let context = CallbackContext.from(opaque) else { return }
            let error = KafkaError(
                KafkaErrorCode(rawValue: code).cValue,
                reason: reason.map { String(cString: $0) },
                isFatal: code == RD_KAFKA_RESP_ERR__FATAL.rawValue
            )
            // Transport errors are routine while a broker restarts; librdkafka
            // recovers on its own, so only fatal ones are logged as errors.
            context.logger.log(
                level: error.isFatal ? .critical : .warning,
                "librdkafka error event",
                metadata: [
                    KafkaLogKey.error: .string(error.description),
                    KafkaLogKey.client: .string(String(cString: rd_kafka_name(rk))),
                ]
            )
        }
    }

    /// syslog severities (0 emerg ... 7 debug) mapped onto swift-log levels.
    static func level(forSyslog level: Int32) -> Logger.Level {
        switch level {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    }

    static func forward(_ logger: Logger, level: Int32, facility: String, message: String, client: String) {
        logger.log(
            level: self.level(forSyslog: level),
            "librdkafka log",
            metadata: [
                KafkaLogKey.librdkafkaMessage: .string(message), KafkaLogKey.facility: .string(facility),
                KafkaLogKey.client: .string(client),
            ]
        )
    }
}
