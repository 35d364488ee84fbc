import HospitalKafka

/// The stream lander's offset commits as plain state: which landed offsets the group has not
/// been told yet, and when the next attempt is due after failures. It decides; the lander
/// talks to the broker. Kept apart so commit retries and revokes are unit-tested without a
/// broker (docs/architecture.md §Exactly once).
struct CommitSchedule {
    let retry: Backoff
    /// Next offsets of landed chunks not committed yet; a later chunk of the same partition
    /// supersedes an earlier one.
    private(set) var pending: [TopicPartition: Int64] = [:]
    /// Failed attempts since the last success.
    private(set) var failures = 0
    /// Every failed attempt, for the health figures.
    private(set) var retries = 0
    private var nextAttempt: ContinuousClock.Instant?

    init(retry: Backoff) { self.retry = retry }

    var isEmpty: Bool { pending.isEmpty }

    /// A chunk of `partition` is durable; the group may move past it to `next`.
    mutating func landed(_ partition: TopicPartition, next: Int64) { pending[partition] = next }

    /// Whether a landing should commit at once: not while a failed commit waits for its retry.
    var commitsOnLanding: Bool { failures == 0 }

    /// Whether the poll loop should try the pending commit now.
    func isDue(at now: ContinuousClock.Instant) -> Bool {
        !pending.isEmpty && nextAttempt.map { now >= $0 } ?? true
    }

    /// Drops partitions no longer owned: their new owner resumes from the group's committed
    /// offset, and a commit of ours would belong to a finished generation.
    mutating func keep(only owned: Set<TopicPartition>) { pending = pending.filter { owned.contains($0.key) } }

    /// What to commit, in partition order.
    var offsets: [TopicPartitionOffset] {
        pending.keys.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }.map {
            TopicPartitionOffset(topic: $0.topic, partition: $0.partition, nextOffset: pending[$0]!)
        }
    }

    /// The broker took `offsets`: they are no longer pending (a partition landed again since
    /// keeps its newer offset).
    mutating func committed(_ offsets: [TopicPartitionOffset]) {
        for offset in offsets {
            let partition = TopicPartition(topic: offset.topic, partition: offset.partition)
            if pending[partition] == offset.nextOffset { pending[partition] = nil }
        }
        failures = 0
        nextAttempt = nil
    }

    /// The broker refused the commit: the next attempt waits the backoff of this failure,
    /// which is returned (its number is `failures`).
    mutating func failed(at now: ContinuousClock.Instant) -> Duration {
        failures += 1
        retries += 1
        let delay = Duration.milliseconds(Int(retry.delay(afterAttempt: failures) * 1000))
        nextAttempt = now + delay
        return delay
    }

    /// How long from `now` until the next attempt may be made.
    func wait(from now: ContinuousClock.Instant) -> Duration {
        guard let nextAttempt, nextAttempt > now else { return .zero }
        return nextAttempt - now
    }
}
