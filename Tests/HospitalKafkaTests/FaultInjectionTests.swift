import HospitalKafka
import Testing

extension KafkaTests {
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct FaultInjectionTests {
        @Test("A broker down for 2 s then up: the idempotent producer still delivers everything exactly once")
        func brokerDownThenUp() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 3, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("vitals")
                try cluster.createTopic(name: topic, partitions: 3)
                // The mock picks leaders by chance; each broker leads one partition here, so
                // taking broker 1 down always strands partition 0's messages.
                for partition in Int32(0)..<3 { try cluster.setPartitionLeader(topic: topic, partition: partition, broker: partition + 1) }
                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"),
                    logger: TestSupport.logger)
                var reports = try TestSupport.produce(0..<500, to: topic, with: producer)

                try cluster.setBrokerDown(1)
                let downUntil = ContinuousClock.now + .seconds(2)
                var next = 500
                while ContinuousClock.now < downUntil {
                    for i in next..<(next + 100) {
                        try producer.send(topic: topic, key: TestSupport.key(i), value: TestSupport.value(i))
                    }
                    next += 100
                    reports += producer.poll(timeout: .milliseconds(100))
                }
                // Broker 1 leads partition 0, so its messages must still be
                // waiting: proof the outage actually bit.
                #expect(producer.inFlightCount > 0)
                try cluster.setBrokerUp(1)
                reports += try producer.flush(timeout: .seconds(60))

                #expect(reports.count == next)
                let failures = reports.filter { !$0.isSuccess }
                #expect(failures.isEmpty, "failed deliveries: \(failures.prefix(5))")
                #expect(producer.fatalError == nil)

                let consumer = try RdKafkaConsumer(
                    settings: TestSupport.consumerSettings(cluster, client: "verifier"),
                    groupID: TestSupport.uniqueName("verify"), logger: TestSupport.logger)
                try consumer.subscribe(topics: [topic])
                let messages = try TestSupport.consume([consumer], count: next, timeout: .seconds(60))[0]
                TestSupport.expectExactlyOnce(messages, count: next)
                try consumer.close()
            }
        }

        @Test("Injected Produce errors are retried and every message is still delivered exactly once")
        func produceRequestErrorsAreRetried() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 3, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("orders")
                try cluster.createTopic(name: topic, partitions: 3)
                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"),
                    logger: TestSupport.logger)
                // Warm up so the producer id is assigned before faults start.
                var reports = try TestSupport.produce(0..<10, to: topic, with: producer)

                cluster.pushRequestErrors(
                    apiKey: .produce,
                    errors: [
                        .notEnoughReplicas, .notLeaderForPartition, .requestTimedOut,
                        .leaderNotAvailable, .notEnoughReplicasAfterAppend, .transport,
                    ])
                reports += try TestSupport.produce(10..<2_000, to: topic, with: producer)
                #expect(reports.count == 2_000)
                #expect(reports.allSatisfy { $0.isSuccess }, "failed: \(reports.filter { !$0.isSuccess }.prefix(5))")

                let consumer = try RdKafkaConsumer(
                    settings: TestSupport.consumerSettings(cluster, client: "verifier"),
                    groupID: TestSupport.uniqueName("verify"), logger: TestSupport.logger)
                try consumer.subscribe(topics: [topic])
                let messages = try TestSupport.consume([consumer], count: 2_000, timeout: .seconds(60))[0]
                TestSupport.expectExactlyOnce(messages, count: 2_000)
                try consumer.close()
            }
        }

        @Test("A slow broker (RTT) delays but does not lose deliveries")
        func slowBroker() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 1, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("slow")
                try cluster.createTopic(name: topic, partitions: 1)
                try cluster.setRTT(broker: 1, rtt: .milliseconds(300))
                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"),
                    logger: TestSupport.logger)
                let start = ContinuousClock.now
                let reports = try TestSupport.produce(0..<50, to: topic, with: producer)
                #expect(ContinuousClock.now - start >= .milliseconds(300))
                #expect(reports.count == 50 && reports.allSatisfy { $0.isSuccess })

                // Per-broker error + delay stack (the shimmed variadic call).
                try cluster.setRTT(broker: 1, rtt: .zero)
                try cluster.pushBrokerRequestErrors(
                    broker: 1, apiKey: .produce,
                    errors: [
                        (error: .notEnoughReplicas, rtt: .zero), (error: .noError, rtt: .milliseconds(300)),
                    ])
                let more = try TestSupport.produce(50..<60, to: topic, with: producer)
                #expect(more.count == 10 && more.allSatisfy { $0.isSuccess })
            }
        }
    }
}
