import ArgumentParser
import Foundation
import HospitalCore
import HospitalKafka

/// Options every service shares.
struct ServiceOptions: ParsableArguments {
    @Option(help: "The lake folder (default: LAKE_PATH or ./shared_data).")
    var lake: String?

    @Option(help: "The configs folder (default: CONFIG_DIR or ./configs).")
    var configs: String?

    func load() throws -> ServiceConfig { try ServiceConfig.load(configs: configs, lake: lake) }
}

/// What every service reads at start: settings from the environment and the configs. A bad
/// one stops the service with one line and exit code 2.
struct ServiceConfig {
    let settings: Settings
    let config: HospitalConfig
    let environment: [String: String]

    static func load(configs: String? = nil, lake: String? = nil) throws -> ServiceConfig {
        var environment = ProcessInfo.processInfo.environment
        if let configs { environment["CONFIG_DIR"] = configs }
        do {
            let settings = try Settings.fromEnvironment(environment, lake: lake)
            let config = try HospitalConfig.load(from: settings.configDir)
            return ServiceConfig(settings: settings, config: config, environment: environment)
        } catch let error as ConfigError {
            Console.error("configuration error: \(error)")
            throw ExitCode(2)
        }
    }

    /// `KAFKA_BOOTSTRAP_SERVERS` over `kafka_config.json`.
    var kafka: KafkaSettings {
        let servers = environment["KAFKA_BOOTSTRAP_SERVERS"] ?? config.kafka.bootstrapServers.joined(separator: ",")
        return KafkaSettings(bootstrapServers: servers, clientID: config.kafka.clientID)
    }

    /// The consumer's settings: a short session, so a stream processor killed with -9 is
    /// dropped from the group (and its partitions reassigned) in seconds rather than the
    /// 45 s default. 6 s is the smallest session a real broker accepts by default.
    var kafkaConsumer: KafkaSettings {
        var settings = kafka
        settings.properties["session.timeout.ms"] = "6000"
        settings.properties["heartbeat.interval.ms"] = "500"
        return settings
    }
}
