import Logging

/// What librdkafka's C callbacks need to reach Swift state.
///
/// Registered as the configuration's opaque pointer (unretained): the
/// `RdKafkaHandle` that owns the `rd_kafka_t` also holds this object strongly
/// and only releases it after `rd_kafka_destroy` has joined librdkafka's
/// threads, so no callback can observe a freed context.
///
/// It is `Sendable` without `@unchecked`: the log callback runs on
/// librdkafka's internal threads while delivery and rebalance callbacks run
/// on whichever thread polls, so all state here is immutable or locked.
final class CallbackContext: Sendable {
    let logger: Logger
    /// Present for producers only; fed by the delivery report callback.
    let delivery: DeliveryTracker?

    init(logger: Logger, delivery: DeliveryTracker? = nil) {
        self.logger = logger
        self.delivery = delivery
    }

    var opaque: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// Recovers the context inside a C callback; nil only if the callback
    /// fires for a handle that was created without one.
    static func from(_ opaque: UnsafeMutableRawPointer?) -> CallbackContext? {
        guard let opaque else { return nil }
        return Unmanaged<CallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}
