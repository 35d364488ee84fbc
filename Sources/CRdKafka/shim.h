#ifndef CRDKAFKA_SHIM_H
#define CRDKAFKA_SHIM_H

/*
 * The only C surface HospitalKafka sees. Swift cannot call variadic C
 * functions nor read function-like / cast macros, so everything of that kind
 * gets a small static inline wrapper here, prefixed with crdkafka_.
 */

#include <stddef.h>
#include <stdint.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/* RD_KAFKA_PARTITION_UA is a cast macro, which the Swift importer skips. */
static inline int32_t crdkafka_partition_unassigned(void) {
    return RD_KAFKA_PARTITION_UA;
}

/*
 * Produces one message through rd_kafka_produceva (the array form of the
 * variadic rd_kafka_producev), copying key and value so the caller's buffers
 * can be released as soon as this returns. partition < 0 means "let the
 * configured partitioner pick" (RD_KAFKA_PARTITION_UA). A NULL key or value
 * produces a Kafka null. The error object is collapsed into its code so Swift
 * never has to own an rd_kafka_error_t.
 */
static inline rd_kafka_resp_err_t crdkafka_produce_copy(rd_kafka_t *rk,
                                                        const char *topic,
                                                        int32_t partition,
                                                        const void *value,
                                                        size_t value_len,
                                                        const void *key,
                                                        size_t key_len,
                                                        void *msg_opaque) {
    rd_kafka_vu_t vus[6];
    vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
    vus[0].u.cstr = topic;
    vus[1].vtype = RD_KAFKA_VTYPE_PARTITION;
    vus[1].u.i32 = partition < 0 ? RD_KAFKA_PARTITION_UA : partition;
    vus[2].vtype = RD_KAFKA_VTYPE_VALUE;
    vus[2].u.mem.ptr = (void *)value;
    vus[2].u.mem.size = value ? value_len : 0;
    vus[3].vtype = RD_KAFKA_VTYPE_KEY;
    vus[3].u.mem.ptr = (void *)key;
    vus[3].u.mem.size = key ? key_len : 0;
    vus[4].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
    vus[4].u.i = RD_KAFKA_MSG_F_COPY;
    vus[5].vtype = RD_KAFKA_VTYPE_OPAQUE;
    vus[5].u.ptr = msg_opaque;

    rd_kafka_error_t *error = rd_kafka_produceva(rk, vus, 6);
    if (!error)
        return RD_KAFKA_RESP_ERR_NO_ERROR;
    rd_kafka_resp_err_t code = rd_kafka_error_code(error);
    rd_kafka_error_destroy(error);
    return code;
}

/*
 * rd_kafka_incremental_(un)assign return an rd_kafka_error_t that must be
 * destroyed; collapse it to a code for the same reason as above.
 */
static inline rd_kafka_resp_err_t
crdkafka_incremental_assign(rd_kafka_t *rk,
                            const rd_kafka_topic_partition_list_t *partitions,
                            int assign) {
    rd_kafka_error_t *error = assign
                                  ? rd_kafka_incremental_assign(rk, partitions)
                                  : rd_kafka_incremental_unassign(rk, partitions);
    if (!error)
        return RD_KAFKA_RESP_ERR_NO_ERROR;
    rd_kafka_resp_err_t code = rd_kafka_error_code(error);
    rd_kafka_error_destroy(error);
    return code;
}

/*
 * rd_kafka_mock_broker_push_request_error_rtts is variadic over
 * (error, rtt_ms) pairs; push exactly one pair per call.
 */
static inline rd_kafka_resp_err_t
crdkafka_mock_broker_push_request_error_rtt(rd_kafka_mock_cluster_t *mcluster,
                                            int32_t broker_id,
                                            int16_t api_key,
                                            rd_kafka_resp_err_t err,
                                            int rtt_ms) {
    return rd_kafka_mock_broker_push_request_error_rtts(mcluster, broker_id,
                                                        api_key, 1, err, rtt_ms);
}

#endif /* CRDKAFKA_SHIM_H */
