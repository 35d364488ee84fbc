import HospitalKafka
import Testing

extension KafkaTests {
    /// The producer and the stream processor create the topics a broker lacks (docs/lake.md §Topics).
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct TopicCreationTests {
        @Test("topics the cluster lists are left alone: nothing is created, from a producer or a consumer")
        func existingTopicsAreLeftAlone() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 1, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topics = [TestSupport.uniqueName("transport"), TestSupport.uniqueName("summary")]
                for topic in topics { try cluster.createTopic(name: topic, partitions: 3) }
                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"), logger: TestSupport.logger)
                #expect(try producer.createMissingTopics(topics, partitions: 3, timeout: .seconds(10)) == [])
                let consumer = try RdKafkaConsumer(
                    settings: TestSupport.consumerSettings(cluster, client: "consumer"), groupID: "g",
                    logger: TestSupport.logger)
                #expect(try consumer.createMissingTopics(topics, partitions: 3, timeout: .seconds(10)) == [])
            }
        }

        /// librdkafka 2.0.2's mock cluster names no controller, so there the request times out
        /// with a KafkaError; a mock (or broker) that answers CreateTopics creates the topic.
        @Test("a missing topic is asked for with CreateTopics: created, or a KafkaError within the timeout, never a hang")
        func missingTopicIsRequested() throws {
            let cluster = try RdKafkaMockCluster(brokerCount: 1, logger: TestSupport.logger)
            try withExtendedLifetime(cluster) {
                let topic = TestSupport.uniqueName("admissions")
                let producer = try RdKafkaProducer(
                    settings: TestSupport.producerSettings(cluster, client: "producer"), logger: TestSupport.logger)
                do {
                    let created = try producer.createMissingTopics([topic], partitions: 3, timeout: .seconds(3))
                    #expect(created == [topic])
                } catch let error as KafkaError {
                    #expect(error.reason.hasPrefix("create topic"), "\(error)")
                }
            }
        }
    }
}
