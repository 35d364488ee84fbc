import CRdKafka
import Logging

/// The consumer's rebalance callback: applies the group's new assignment
/// and logs it.
///
/// librdkafka would assign on its own without a callback, but an explicit
/// one lets operators see which instance of the pipeline owns which
/// partitions, and it supports both the eager (`range`, `roundrobin`) and
/// cooperative (`cooperative-sticky`) protocols, which need different calls.
/// It runs on the thread inside `rd_kafka_consumer_poll` or
/// `rd_kafka_consumer_close`.
enum RebalanceHandler {
    static func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_rebalance_cb(conf) { rk, event, partitions, opaque in
            guard let rk else { return }
            RebalanceHandler.handle(rk, event: event, partitions: partitions, context: CallbackContext.from(opaque))
        }
    }

    static func handle(
        _ rk: OpaquePointer,
        event: rd_kafka_resp_err_t,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        context: CallbackContext?
    ) {
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        let listed = partitions.map { RdKafkaTopicPartitionList.entries(of: $0) } ?? []
        let names = listed.map { $0.partition.topicPartition.description }.joined(separator: ", ")
        let metadata: Logger.Metadata = [
            KafkaLogKey.partitions: .string(names), KafkaLogKey.client: .string(String(cString: rd_kafka_name(rk))),
        ]
        let result: rd_kafka_resp_err_t
        switch event {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            context?.logger.info("partitions assigned", metadata: metadata)
            result =
                cooperative
                ? crdkafka_incremental_assign(rk, partitions, 1)
                : rd_kafka_assign(rk, partitions)
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            context?.logger.info("partitions revoked", metadata: metadata)
            result =
                cooperative
                ? crdkafka_incremental_assign(rk, partitions, 0)
                : rd_kafka_assign(rk, nil)
        default:
            // Any other code means the rebalance failed; drop everything so
            // the next rebalance starts from a clean state.
            var failed = metadata
            failed[KafkaLogKey.error] = "\(KafkaError(event))"
            context?.logger.error("rebalance failed", metadata: failed)
            result = rd_kafka_assign(rk, nil)
        }
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            var failed = metadata
            failed[KafkaLogKey.error] = "\(KafkaError(result))"
            context?.logger.error("applying rebalance failed", metadata: failed)
        }
    }
}
