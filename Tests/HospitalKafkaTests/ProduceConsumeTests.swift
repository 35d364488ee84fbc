import HospitalKafka
import Testing

extension KafkaTests {
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct ProduceConsumeTests {
        @Test("10,000 keyed messages are delivered, consumed once, committed, and not re-read by the group")
        func produceConsumeCommit() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 3, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("adt-events")
                let group = TestSupport.uniqueName("ingest")
                try cluster.createTopic(name: topic, partitions: 3)

                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"),
                    logger: TestSupport.logger)
                let reports = try TestSupport.produce(0..<10_000, to: topic, with: producer)
                #expect(reports.count == 10_000)
                #expect(reports.allSatisfy { $0.isSuccess })
                #expect(Set(reports.map(\.token)).count == 10_000)
                #expect(Set(reports.map(\.partition)) == [0, 1, 2])
                #expect(producer.inFlightCount == 0)

                let consumer = try RdKafkaConsumer(
                    settings: TestSupport.consumerSettings(cluster, client: "consumer-1"),
                    groupID: group, logger: TestSupport.logger)
                try consumer.subscribe(topics: [topic])
                let messages = try TestSupport.consume([consumer], count: 10_000, timeout: .seconds(60))[0]
                TestSupport.expectExactlyOnce(messages, count: 10_000)

                // Same key → same partition, in send order (the ordering a
                // patient's event stream depends on).
                var lastIndexPerKey: [[UInt8]: Int] = [:]
                var partitionPerKey: [[UInt8]: Int32] = [:]
                for message in messages {
                    let index = TestSupport.index(ofValue: message.value)!
                    let key = message.key!
                    #expect(index > lastIndexPerKey[key, default: -1])
                    #expect(partitionPerKey[key, default: message.partition] == message.partition)
                    lastIndexPerKey[key] = index
                    partitionPerKey[key] = message.partition
                }

                let offsets = TestSupport.nextOffsets(messages)
                try consumer.commit(offsets: offsets)
                let committed = try consumer.committedOffsets(for: offsets.map(\.topicPartition), timeout: .seconds(10))
                #expect(committed.values.reduce(0, +) == 10_000)
                #expect(committed == Dictionary(uniqueKeysWithValues: offsets.map { ($0.topicPartition, $0.nextOffset) }))
                try consumer.close()

                let second = try RdKafkaConsumer(
                    settings: TestSupport.consumerSettings(cluster, client: "consumer-2"),
                    groupID: group, logger: TestSupport.logger)
                try second.subscribe(topics: [topic])
                let owned = try TestSupport.waitForAssignment([second], partitions: 3, timeout: .seconds(30))
                #expect(owned[0].count == 3)
                let again = try TestSupport.consume([second], count: 1, timeout: .seconds(3))[0]
                #expect(again.isEmpty, "group re-read \(again.count) committed message(s)")
                try second.close()
            }
        }

        @Test("Tuple commit form commits the same positions")
        func tupleCommit() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 1, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("orders")
                try cluster.createTopic(name: topic, partitions: 1)
                let producer = try RdKafkaProducer(settings: TestSupport.producerSettings(cluster, client: "p"), logger: TestSupport.logger)
                _ = try TestSupport.produce(0..<5, to: topic, with: producer)
                let consumer = try RdKafkaConsumer(
                    settings: TestSupport.consumerSettings(cluster, client: "c"),
                    groupID: TestSupport.uniqueName("g"), logger: TestSupport.logger)
                try consumer.subscribe(topics: [topic])
                let messages = try TestSupport.consume([consumer], count: 5, timeout: .seconds(30))[0]
                #expect(messages.count == 5)
                try consumer.commit(offsets: [(topic: topic, partition: 0, nextOffset: 3)])
                let committed = try consumer.committedOffsets(for: [TopicPartition(topic: topic, partition: 0)], timeout: .seconds(10))
                #expect(committed[TopicPartition(topic: topic, partition: 0)] == 3)
                try consumer.close()
            }
        }
    }
}
