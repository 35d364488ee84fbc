import HospitalKafka

/// When the stream lander cuts a partition's chunk, as plain state: each open run of
/// consecutive offsets, what arrives next, and which runs are full, idle or too old. It
/// decides; the lander writes the chunks (`Chunk` is the lander's file, a test's label).
/// Kept apart so the cutting rules are unit-tested without a broker or a disk
/// (docs/architecture.md §Exactly once).
///
/// A run is cut by count (`size` kept events), when its partition has been idle for
/// `idle`, or once it has been open for `maxAge`: a steady trickle never idles, and would
/// keep events unlanded and uncommitted for the whole run (the sink connectors' rotate
/// interval).
struct ChunkCuts<Chunk> {
    struct Run {
        let chunk: Chunk
        /// The offset the run continues with.
        fileprivate(set) var next: Int64
        /// Events the chunk holds (repeats skipped are not counted).
        fileprivate(set) var kept = 0
        fileprivate(set) var lastActivity: ContinuousClock.Instant
        /// When the run began: its age cuts it even while events keep coming.
        let opened: ContinuousClock.Instant
    }

    /// What a message means for its partition's run.
    enum Arrival {
        /// The next offset of the open run (nearly every message): no offset can be missing.
        case continues(Chunk)
        /// The first of a partition, the first after a cut, a gap or a rewind. `ending` is
        /// the open run it cannot continue, which must be landed before a new one opens.
        case startsRun(ending: Run?)
    }

    let size: Int
    let idle: Duration
    let maxAge: Duration
    private(set) var runs: [TopicPartition: Run] = [:]

    init(size: Int, idle: Duration, maxAge: Duration) {
        self.size = size
        self.idle = idle
        self.maxAge = maxAge
    }

    var isEmpty: Bool { runs.isEmpty }

    /// Every partition with an open run, in partition order.
    var open: [TopicPartition] { runs.keys.sorted(by: Self.order) }

    func arrival(_ partition: TopicPartition, offset: Int64) -> Arrival {
        guard let run = runs[partition] else { return .startsRun(ending: nil) }
        return run.next == offset ? .continues(run.chunk) : .startsRun(ending: run)
    }

    /// Opens a run of `partition` at `offset` (after its old run, if any, was closed).
    mutating func open(_ partition: TopicPartition, at offset: Int64, chunk: Chunk, now: ContinuousClock.Instant) {
        runs[partition] = Run(chunk: chunk, next: offset, lastActivity: now, opened: now)
    }

    /// The message at the run's next offset was taken (kept, or skipped as a repeat).
    /// Returns true when the run is full and must be cut now.
    mutating func took(_ partition: TopicPartition, kept: Bool, now: ContinuousClock.Instant) -> Bool {
        // In place, one hash lookup: this runs for every message.
        guard let index = runs.index(forKey: partition) else { return false }
        runs.values[index].next += 1
        if kept { runs.values[index].kept += 1 }
        runs.values[index].lastActivity = now
        return runs.values[index].kept >= size
    }

    /// Runs idle for `idle` or open for `maxAge` at `now`, in partition order. Asked on every
    /// poll, not only when a message arrives, so the tail of a burst lands without waiting
    /// for the next event.
    func due(at now: ContinuousClock.Instant) -> [TopicPartition] {
        runs.filter { now - $0.value.lastActivity >= idle || now - $0.value.opened >= maxAge }.keys.sorted(by: Self.order)
    }

    /// How long a poll may wait: at most `ceiling`, and no longer than until the first run
    /// is idle, so a chunk lands when its partition has been idle for `idle`, not a poll later.
    func pollTimeout(at now: ContinuousClock.Instant, ceiling: Duration = .milliseconds(100)) -> Duration {
        guard let due = runs.values.map({ $0.lastActivity + idle }).min() else { return ceiling }
        return min(ceiling, max(.zero, due - now))
    }

    /// Ends the partition's run, to be landed; nil when none is open.
    mutating func close(_ partition: TopicPartition) -> Run? { runs.removeValue(forKey: partition) }

    /// Drops the runs of partitions not in `owned` (a rebalance took them; their new owner
    /// is re-delivered them from the committed offset) and returns them in partition order.
    mutating func revoke(notIn owned: Set<TopicPartition>) -> [TopicPartition] {
        let revoked = runs.keys.filter { !owned.contains($0) }.sorted(by: Self.order)
        for partition in revoked { runs[partition] = nil }
        return revoked
    }

    static func order(_ a: TopicPartition, _ b: TopicPartition) -> Bool { (a.topic, a.partition) < (b.topic, b.partition) }
}
