/// Metadata keys of the services' log lines, in one place (swift-log's best practice).
public enum LogKey {
    public static let file = "lake.file"
    public static let reason = "lake.reason"
    public static let events = "kafka.events"
    public static let topic = "kafka.topic"
    public static let partition = "kafka.partition"
    public static let offset = "kafka.offset"
    public static let expectedOffset = "kafka.expected_offset"
    public static let failed = "kafka.failed"
    public static let inFlight = "kafka.in_flight"
    public static let attempt = "retry.attempt"
    public static let retryIn = "retry.in_seconds"
    /// How often a warning said once a minute happened since it was last said.
    public static let occurrences = "retry.occurrences"
    public static let bootstrap = "kafka.bootstrap"
    public static let fileRows = "lake.rows"

    // The scheduler and the health reporter.
    public static let simDate = "sim.date"
    public static let day = "sim.day"
    public static let days = "sim.days_total"
    public static let rows = "sim.rows"
    public static let rate = "sim.rows_per_second"
    public static let eta = "sim.eta_seconds"
    public static let step = "sim.step"
    public static let waitingFor = "scheduler.waiting_for"
    public static let files = "lake.files"
    public static let service = "service.name"
    public static let status = "service.status"
}
