import ArgumentParser
import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Logging

/// What every service reads at start: settings from the environment and the configs. A bad
/// one stops the service with one line and exit code 2.
struct ServiceConfig {
    let settings: Settings
    let config: HospitalConfig
    let environment: [String: String]

    /// The lake's state, when it has one, names the profile, seed and calendar; an environment
    /// that says otherwise is refused (`Settings.fromEnvironment`). `pinned` false reads the
    /// environment alone, for a command that does not use the lake.
    static func load(configs: String? = nil, lake: String? = nil, pinned: Bool = true) throws -> ServiceConfig {
        var environment = ProcessInfo.processInfo.environment
        if let configs { environment["CONFIG_DIR"] = configs }
        do {
            let root = Settings.lakePath(option: lake, environment: environment)
            let state = pinned ? SchedulerState.recover(from: LakeLayout(root: root)).state : nil
            let settings = try Settings.fromEnvironment(environment, lake: lake, state: state)
            let config = try HospitalConfig.load(from: settings.configDir)
            return ServiceConfig(settings: settings, config: config, environment: environment)
        } catch let error as ConfigError {
            throw ExitStatus.report(error)
        }
    }

    /// `KAFKA_BOOTSTRAP_SERVERS` over `kafka_config.json`.
    var kafka: KafkaSettings {
        let servers = settings.kafkaBootstrapServers ?? config.kafka.bootstrapServers.joined(separator: ",")
        return KafkaSettings(bootstrapServers: servers, clientID: config.kafka.clientID)
    }

    /// The producer's settings: its local queue holds at most 8 MiB of events waiting for
    /// acknowledgement (librdkafka allows 1 GiB). Publishing a backlog then waits for the
    /// broker at that depth instead of copying the whole backlog into fresh memory first:
    /// a third less resident memory and kernel time, no less throughput.
    var kafkaProducer: KafkaSettings {
        var settings = kafka
        settings.properties["queue.buffering.max.kbytes"] = "8192"
        return settings
    }

    /// The consumer's settings: a short session, so a stream processor killed with -9 is
    /// dropped from the group (and its partitions reassigned) in seconds rather than the
    /// 45 s default. 6 s is the smallest session a real broker accepts by default.
    /// A fetch finding nothing waits a twentieth of the idle cut, between 5 and 50 ms: a
    /// real broker answers as soon as data arrives anyway, but librdkafka's mock holds an
    /// empty fetch for the whole wait (500 ms by default), so the events that arrive
    /// meanwhile, such as the last of a burst, reach the stream processor that much later.
    /// Tied to the idle cut, that delay stays a small part of the latency the operator chose.
    func kafkaConsumer(idleCut: Duration) -> KafkaSettings {
        var settings = kafka
        settings.properties["session.timeout.ms"] = "6000"
        settings.properties["heartbeat.interval.ms"] = "500"
        settings.properties["fetch.wait.max.ms"] = String(min(50, max(5, Int(idleCut / .milliseconds(1)) / 20)))
        return settings
    }

    /// Connection settings: `database_config.json` under `DB_*` overrides; a bad value is a configuration error.
    func database() throws -> (ConnectionSettings, WarehouseSchemas) {
        let env = environment
        let service = self
        let file = service.settings.configDir + "/" + HospitalConfig.files.database
        do {
            let schemas = try WarehouseSchemas(service.config.database.schemas, file: file)
            var password = env["DB_PASSWORD"] ?? service.config.database.password
            if let path = env["DB_PASSWORD_FILE"] {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ConfigError(file: "environment", key: "DB_PASSWORD_FILE", expected: "a readable file")
                }
                password = text.trimmingCharacters(in: .newlines)
                // An empty secret is a deployment mistake, not a login to retry for minutes.
                guard !password.isEmpty else {
                    throw ConfigError(file: "environment", key: "DB_PASSWORD_FILE", expected: "a file holding the password; it is empty")
                }
            }
            var port = service.config.database.port
            if let text = env["DB_PORT"] {
                guard let value = Int(text), (1...65_535).contains(value) else {
                    throw ConfigError(file: "environment", key: "DB_PORT", expected: "a port number")
                }
                port = value
            }
            let settings = ConnectionSettings(
                host: env["DB_HOST"] ?? service.config.database.host, port: port,
                database: env["DB_NAME"] ?? service.config.database.database,
                user: env["DB_USER"] ?? service.config.database.user, password: password,
                applicationName: "hospital-batch-ingestor")
            return (settings, schemas)
        } catch let error as ConfigError {
            throw ExitStatus.report(error)
        }
    }

    /// Connects with retries; a refused login or a missing database is a configuration error.
    func connect(
        _ settings: ConnectionSettings, logger: Logger, attempts: Int = 30, shouldStop: @Sendable @escaping () -> Bool = { false }
    ) async throws -> PQConnection {
        do {
            return try await PQConnection.connect(
                settings, retry: RetryPolicy(maxAttempts: attempts), logger: logger, shouldStop: shouldStop)
        } catch let error as PostgresError where error.isAuthenticationFailure || error.sqlState == "3D000" {
            throw ExitStatus.configuration("database \(settings): \(error.message)")
        }
    }
}
