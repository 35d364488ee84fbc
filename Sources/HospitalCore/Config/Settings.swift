/// The central configuration (docs/architecture.md §Configuration): environment over profile over config files.
/// Every path derives from `lakePath`.
public struct Settings: Sendable {
    public let lakePath: String
    public let configDir: String
    public let profile: Profile
    public let seed: UInt64
    public let streamIntervalSeconds: Double
    public let batchIntervalSeconds: Double
    public let maxIngestLagDays: Int
    /// `KAFKA_BOOTSTRAP_SERVERS` when set; nil leaves `kafka_config.json`'s.
    public let kafkaBootstrapServers: String?

    public static let defaultSeed: UInt64 = 20_221_120

    public var layout: LakeLayout { LakeLayout(root: lakePath) }

    public init(
        lakePath: String, configDir: String, profile: Profile, seed: UInt64,
        streamIntervalSeconds: Double = 0, batchIntervalSeconds: Double = 0, maxIngestLagDays: Int = 7,
        kafkaBootstrapServers: String? = nil
    ) {
        self.lakePath = lakePath
        self.configDir = configDir
        self.profile = profile
        self.seed = seed
        self.streamIntervalSeconds = streamIntervalSeconds
        self.batchIntervalSeconds = batchIntervalSeconds
        self.maxIngestLagDays = maxIngestLagDays
        self.kafkaBootstrapServers = kafkaBootstrapServers
    }

    /// The lake root: the command-line option, else LAKE_PATH, else ./shared_data.
    public static func lakePath(option: String?, environment: [String: String]) -> String {
        option ?? environment["LAKE_PATH"] ?? "./shared_data"
    }

    /// Reads the environment; explicit arguments (command-line options) win over it. `state`,
    /// the lake's own when it has one, names the run's profile, seed and calendar: what the
    /// environment or the command line leaves unset is taken from it, and what they set
    /// otherwise is refused, so no service reads a lake as another run's (docs/lake.md §Scheduler state).
    public static func fromEnvironment(
        _ environment: [String: String], profile profileName: String? = nil, seed seedOverride: UInt64? = nil,
        lake: String? = nil, state: SchedulerState? = nil
    ) throws -> Settings {
        func bad(_ key: String, _ expected: String) -> ConfigError {
            ConfigError(file: "environment", key: key, expected: expected)
        }
        func disagree(_ key: String, _ value: String, file: String) -> ConfigError {
            ConfigError(file: file, key: key, expected: "\(value), as the lake's \(LakeFileName.state) says (or leave it unset)")
        }
        /// A value the lake's state names: a different one given is refused, none given takes it.
        func pinned<T: Equatable>(_ given: T?, option: T?, key: String, flag: String, lake value: T?, _ text: (T) -> String) throws
            -> T?
        {
            guard let value else { return option ?? given }
            if let option, option != value { throw disagree(flag, text(value), file: "command line") }
            if option == nil, let given, given != value { throw disagree(key, text(value), file: "environment") }
            return value
        }
        let name =
            try pinned(environment["SIM_PROFILE"], option: profileName, key: "SIM_PROFILE", flag: "--profile", lake: state?.profile) {
                $0
            } ?? "full"
        guard var profile = Profile.named(name) else {
            guard name != state?.profile else {
                throw ConfigError(file: LakeFileName.state.name, key: "profile", expected: "one of full, golden, tiny")
            }
            throw bad("SIM_PROFILE", "one of full, golden, tiny")
        }
        var given: UInt64?
        if let text = environment["SIM_SEED"] {
            guard let value = UInt64(text) else { throw bad("SIM_SEED", "an unsigned integer") }
            given = value
        }
        let seed = try pinned(given, option: seedOverride, key: "SIM_SEED", flag: "--seed", lake: state?.seed) { String($0) } ?? defaultSeed
        let start = try environment["SIM_START_DATE"].map { text in
            guard let date = SimDate(iso: text) else { throw bad("SIM_START_DATE", "a date as YYYY-MM-DD") }
            return date
        }
        let end = try environment["SIM_END_DATE"].map { text in
            guard let date = SimDate(iso: text) else { throw bad("SIM_END_DATE", "a date as YYYY-MM-DD") }
            return date
        }
        if let calendar = state?.calendar {
            _ = try pinned(start, option: nil, key: "SIM_START_DATE", flag: "", lake: calendar.start) { $0.description }
            _ = try pinned(end, option: nil, key: "SIM_END_DATE", flag: "", lake: calendar.end) { $0.description }
            profile = profile.with(calendar: calendar)
        } else if start != nil || end != nil {
            let first = start ?? profile.calendar.start
            let last = end ?? profile.calendar.end
            guard first <= last else { throw bad("SIM_END_DATE", "a date on or after SIM_START_DATE") }
            profile = profile.with(calendar: SimCalendar(start: first, end: last))
        }
        // `inf` or `nan` parse as numbers too: a pause of infinity would never end.
        func seconds(_ key: String) throws -> Double {
            guard let text = environment[key] else { return 0 }
            guard let value = Double(text), value.isFinite, (0...Self.longestPause).contains(value) else {
                throw bad(key, "a number of seconds from 0 to \(Int(Self.longestPause))")
            }
            return value
        }
        var lag = 7
        if let text = environment["MAX_INGEST_LAG_DAYS"] {
            guard let value = Int(text), value >= 1 else { throw bad("MAX_INGEST_LAG_DAYS", "a whole number of days, 1 or more") }
            lag = value
        }
        let servers = try environment["KAFKA_BOOTSTRAP_SERVERS"].map { text in
            guard isBootstrapList(text) else { throw bad("KAFKA_BOOTSTRAP_SERVERS", "host:port, or several comma-separated") }
            return text
        }
        return Settings(
            lakePath: lakePath(option: lake, environment: environment),
            configDir: environment["CONFIG_DIR"] ?? "./configs",
            profile: profile, seed: seed,
            streamIntervalSeconds: try seconds("STREAM_INTERVAL_SECONDS"),
            batchIntervalSeconds: try seconds("BATCH_INTERVAL_SECONDS"),
            maxIngestLagDays: lag, kafkaBootstrapServers: servers)
    }

    /// The longest pacing pause: a day of wall clock per session or per sim day.
    static let longestPause = 86_400.0

    /// Whether `text` names brokers as librdkafka takes them: `host:port`, comma-separated,
    /// each optionally `scheme://`. An empty or portless list would leave a service waiting
    /// for a broker it can never reach, so it is refused as a configuration error.
    static func isBootstrapList(_ text: String) -> Bool {
        text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { item in
            var broker = item.trimmingPrefix(while: \.isWhitespace)
            while broker.last?.isWhitespace == true { broker = broker.dropLast() }
            if let scheme = broker.firstRange(of: "://") { broker = broker[scheme.upperBound...] }
            guard let colon = broker.lastIndex(of: ":"), colon > broker.startIndex,
                let port = Int(broker[broker.index(after: colon)...])
            else { return false }
            return (1...65_535).contains(port)
        }
    }
}
