import HospitalCore

/// How the scheduler service waits and paces. `hospital simulate` uses none of it: it is the
/// same run with every wait off.
public struct SchedulerOptions: Sendable {
    /// Wait while outbox files older than `maxIngestLagDays` are still in batch/ (a producer
    /// is running), and for the whole outbox after the last day.
    public var waitForProducer: Bool
    /// Wait while the ingestor's daily files older than `maxIngestLagDays` are still in batch/.
    public var waitForIngestor: Bool
    /// How many sim days the producer and the ingestor may each fall behind (MAX_INGEST_LAG_DAYS).
    public var maxIngestLagDays: Int
    /// Wall-clock pacing after each session and after each day; 0 runs as fast as the pipeline.
    public var streamIntervalSeconds: Double
    public var batchIntervalSeconds: Double
    /// Seconds between looks at batch/ while waiting, and the longest SIGTERM goes unanswered.
    public var pollSeconds: Double
    /// Return when the run is complete instead of idling until stopped.
    public var exitWhenComplete: Bool

    public init(
        waitForProducer: Bool = true, waitForIngestor: Bool = true, maxIngestLagDays: Int = 7,
        streamIntervalSeconds: Double = 0, batchIntervalSeconds: Double = 0, pollSeconds: Double = 0.1,
        exitWhenComplete: Bool = false
    ) {
        self.waitForProducer = waitForProducer
        self.waitForIngestor = waitForIngestor
        self.maxIngestLagDays = maxIngestLagDays
        self.streamIntervalSeconds = streamIntervalSeconds
        self.batchIntervalSeconds = batchIntervalSeconds
        self.pollSeconds = pollSeconds
        self.exitWhenComplete = exitWhenComplete
    }

    /// The pacing and lag of the central settings (docs/architecture.md §Configuration).
    public init(settings: Settings) {
        self.init(
            maxIngestLagDays: settings.maxIngestLagDays, streamIntervalSeconds: settings.streamIntervalSeconds,
            batchIntervalSeconds: settings.batchIntervalSeconds)
    }
}
