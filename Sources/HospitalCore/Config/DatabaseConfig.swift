/// `database_config.json`, the course's file.
public struct DatabaseConfig: Decodable, Sendable {
    public struct Schemas: Decodable, Sendable {
        public let admissions: String
        public let transport: String
        public let transfers: String
        public let summary: String
        public let operations: String
    }

    public let host: String
    public let port: Int
    public let user: String
    public let password: String
    public let database: String
    public let schemas: Schemas
}
