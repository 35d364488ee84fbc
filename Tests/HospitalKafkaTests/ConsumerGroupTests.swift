import HospitalKafka
import Testing

extension KafkaTests {
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct ConsumerGroupTests {
        @Test("Two consumers in one group split the partitions and together see every message once")
        func twoConsumersSharePartitions() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 3, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("lab-results")
                let group = TestSupport.uniqueName("lab-ingest")
                try cluster.createTopic(name: topic, partitions: 3)

                let consumers = try (1...2).map { n in
                    try RdKafkaConsumer(
                        settings: TestSupport.consumerSettings(cluster, client: "member-\(n)"),
                        groupID: group, logger: TestSupport.logger)
                }
                for consumer in consumers {
                    try consumer.subscribe(topics: [topic])
                }
                // Produce only once the group is stable: with manual commits, a
                // rebalance in the middle would legitimately re-deliver.
                let owned = try TestSupport.waitForAssignment(consumers, partitions: 3, timeout: .seconds(60))
                #expect(Set(owned[0]).isDisjoint(with: owned[1]))

                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"),
                    logger: TestSupport.logger)
                let reports = try TestSupport.produce(0..<3_000, to: topic, with: producer)
                #expect(reports.count == 3_000 && reports.allSatisfy { $0.isSuccess })

                let seen = try TestSupport.consume(consumers, count: 3_000, timeout: .seconds(60))
                TestSupport.expectExactlyOnce(seen.flatMap { $0 }, count: 3_000)
                for (member, messages) in seen.enumerated() {
                    #expect(!messages.isEmpty, "member \(member + 1) received nothing")
                    #expect(Set(messages.map(\.partition)).isSubset(of: Set(owned[member].map(\.partition))))
                    try consumers[member].commit(offsets: TestSupport.nextOffsets(messages))
                }
                for consumer in consumers {
                    try consumer.close()
                }
            }
        }
    }
}
