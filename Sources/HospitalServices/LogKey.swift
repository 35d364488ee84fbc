/// Metadata keys of the services' log lines, in one place (swift-log's best practice).
public enum LogKey {
    public static let file = "lake.file"
    public static let reason = "lake.reason"
    public static let events = "kafka.events"
    public static let topic = "kafka.topic"
    public static let partition = "kafka.partition"
    public static let offset = "kafka.offset"
    public static let failed = "kafka.failed"
    public static let inFlight = "kafka.in_flight"
    public static let attempt = "retry.attempt"
    public static let bootstrap = "kafka.bootstrap"
    public static let rows = "lake.rows"
}
