/// `kafka_config.json`, the course's file; `partitions` is ours.
public struct KafkaConfig: Decodable, Sendable {
    public struct Topics: Decodable, Sendable {
        public let transport: String
        public let transfers: String
        public let admissions: String
        public let summary: String

        /// The four topics, in the config's order: what the brokers create.
        public var all: [String] { [transport, transfers, admissions, summary] }
    }

    public let bootstrapServers: [String]
    public let topics: Topics
    public let clientID: String
    public let partitions: Int?

    enum CodingKeys: String, CodingKey {
        case topics, partitions
        case bootstrapServers = "bootstrap_servers"
        case clientID = "client_id"
    }
}
