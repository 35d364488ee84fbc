import CRdKafka

/// Creates the pipeline's topics that a broker lacks, through the Kafka admin API
/// (CreateTopics), for a broker that does not auto-create topics, as Compose's Kafka
/// (docs/lake.md §Topics). A topic the cluster already lists is left as it is, so a
/// cluster that made them itself (the embedded broker) gets no CreateTopics request; a
/// topic another client created meanwhile (TOPIC_ALREADY_EXISTS) counts as created.
enum TopicCreation {
    /// Returns the topics it created, in the order given.
    static func createMissing(_ topics: [String], partitions: Int?, on handle: RdKafkaHandle, timeout: Duration) throws
        -> [String]
    {
        let listed = try existing(on: handle, timeout: timeout)
        let missing = topics.filter { !listed.contains($0) }
        guard !missing.isEmpty else { return [] }
        var errstr = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for name in missing {
            // -1: the broker's default replication factor (and partition count when the
            // config names none), so one broker and a cluster of three both work.
            guard let topic = rd_kafka_NewTopic_new(name, Int32(clamping: partitions ?? -1), -1, &errstr, errstr.count)
            else { throw KafkaError(RD_KAFKA_RESP_ERR__INVALID_ARG, errstr: errstr) }
            newTopics.append(topic)
        }
        try handle.withUnsafeHandle { rk in
            guard let queue = rd_kafka_queue_new(rk) else {
                throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, reason: "create topics: no result queue")
            }
            defer { rd_kafka_queue_destroy(queue) }
            let options = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS)
            defer { rd_kafka_AdminOptions_destroy(options) }
            _ = rd_kafka_AdminOptions_set_request_timeout(options, Int32(clamping: timeout.milliseconds), &errstr, errstr.count)
            _ = rd_kafka_AdminOptions_set_operation_timeout(options, Int32(clamping: timeout.milliseconds), &errstr, errstr.count)
            newTopics.withUnsafeMutableBufferPointer { buffer in
                rd_kafka_CreateTopics(rk, buffer.baseAddress, buffer.count, options, queue)
            }
            guard let event = rd_kafka_queue_poll(queue, timeout.milliseconds + 1000) else {
                throw KafkaError(RD_KAFKA_RESP_ERR__TIMED_OUT, reason: "create topics \(missing.joined(separator: ",")): no answer")
            }
            defer { rd_kafka_event_destroy(event) }
            let code = rd_kafka_event_error(event)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(code, reason: "create topics: \(text(rd_kafka_event_error_string(event)) ?? KafkaErrorCode(code).reason)")
            }
            var count = 0
            guard let result = rd_kafka_event_CreateTopics_result(event),
                let results = rd_kafka_CreateTopics_result_topics(result, &count)
            else { throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, reason: "create topics: no result") }
            for index in 0..<count {
                guard let result = results[index] else { continue }
                let code = rd_kafka_topic_result_error(result)
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                    let name = text(rd_kafka_topic_result_name(result)) ?? "?"
                    let reason = text(rd_kafka_topic_result_error_string(result)) ?? KafkaErrorCode(code).reason
                    throw KafkaError(code, reason: "create topic \(name): \(reason)")
                }
            }
        }
        return missing
    }

    /// The topics the cluster's metadata lists without error.
    private static func existing(on handle: RdKafkaHandle, timeout: Duration) throws -> Set<String> {
        try handle.withUnsafeHandle { rk in
            var metadata: UnsafePointer<rd_kafka_metadata_t>?
            let code = rd_kafka_metadata(rk, 1, nil, &metadata, timeout.milliseconds)
            defer { if let metadata { rd_kafka_metadata_destroy(metadata) } }
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                throw KafkaError(code, reason: "cluster metadata: \(KafkaErrorCode(code).reason)")
            }
            var names: Set<String> = []
            for index in 0..<Int(metadata.pointee.topic_cnt) {
                let topic = metadata.pointee.topics[index]
                if topic.err == RD_KAFKA_RESP_ERR_NO_ERROR, let name = text(topic.topic) { names.insert(name) }
            }
            return names
        }
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension RdKafkaProducer {
    /// Creates those of `topics` the cluster lacks (`TopicCreation`) and returns them.
    public func createMissingTopics(_ topics: [String], partitions: Int?, timeout: Duration) throws -> [String] {
        try TopicCreation.createMissing(topics, partitions: partitions, on: handle, timeout: timeout)
    }
}

extension RdKafkaConsumer {
    /// Creates those of `topics` the cluster lacks (`TopicCreation`) and returns them, so
    /// that a subscription finds them at once rather than at the next metadata refresh.
    public func createMissingTopics(_ topics: [String], partitions: Int?, timeout: Duration) throws -> [String] {
        try TopicCreation.createMissing(topics, partitions: partitions, on: handle, timeout: timeout)
    }
}
