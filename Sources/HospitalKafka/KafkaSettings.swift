import Logging

/// Connection settings shared by producers and consumers.
///
/// Kept as plain values (not a live `rd_kafka_conf_t`) so one settings value
/// can be built from the pipeline's configuration once and used to create any
/// number of clients; the C object is made per client by `makeConfig`.
public struct KafkaSettings: Sendable, CustomStringConvertible {
    /// Comma separated `host:port` list, e.g. from `RdKafkaMockCluster`.
    public var bootstrapServers: String
    /// Shows up in broker logs and quotas, so name the pipeline stage.
    public var clientID: String
    /// Any other librdkafka property (see librdkafka's CONFIGURATION.md),
    /// e.g. `security.protocol`, `sasl.password`, `linger.ms`.
    public var properties: [String: String]

    public init(bootstrapServers: String, clientID: String, properties: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.properties = properties
    }

    /// Values of these keys must never reach logs or error messages.
    public static func isSensitive(_ key: String) -> Bool {
        let key = key.lowercased()
        return key.contains("password") || key.contains("secret")
            || key.contains("oauthbearer.config") || key.contains("ssl.key.pem")
            || key.contains("ssl_key") || key.contains("keystore")
    }

    /// Redacts secrets so settings can be logged at startup for auditing.
    public var description: String {
        let extras = properties.keys.sorted().map { key in
            "\(key)=\(Self.isSensitive(key) ? "<redacted>" : properties[key]!)"
        }
        return "KafkaSettings(bootstrap.servers=\(bootstrapServers), client.id=\(clientID)"
            + (extras.isEmpty ? "" : ", " + extras.joined(separator: ", ")) + ")"
    }

    /// Builds the C configuration: our defaults first, then the caller's
    /// properties, then `enforced` (the guarantees a client type relies on,
    /// such as idempotence for the producer), so they cannot be weakened.
    func makeConfig(
        defaults: [String: String],
        enforced: [String: String],
        logger: Logger
    ) throws -> RdKafkaConfig {
        let config = try RdKafkaConfig()
        var merged = defaults
        merged["log_level"] = String(Self.syslogLevel(for: logger.logLevel))
        merged["bootstrap.servers"] = bootstrapServers
        merged["client.id"] = clientID
        merged.merge(properties) { _, caller in caller }
        merged.merge(enforced) { _, required in required }
        for key in merged.keys.sorted() {
            try config.set(key, merged[key]!)
        }
        return config
    }

    /// Lets librdkafka skip formatting messages the Logger would drop anyway.
    static func syslogLevel(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
