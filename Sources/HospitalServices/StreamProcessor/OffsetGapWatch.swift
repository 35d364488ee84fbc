import HospitalKafka

/// Where each owned partition's next message should be, so that a jump forward (records a
/// broker deleted by retention before the stream processor read them; librdkafka's mock
/// keeps only 5 MiB a partition) is reported instead of passed over: the consumer's
/// `auto.offset.reset` moves on silently, and the loss would surface nowhere.
///
/// A newly assigned partition is expected at the group's committed offset, where the
/// consumer resumes; a partition the group never committed has nothing to compare with.
/// A rewind (a rebalance re-delivering from the committed offset) is no loss.
struct OffsetGapWatch {
    private(set) var owned: Set<TopicPartition> = []
    private var expected: [TopicPartition: Int64] = [:]

    /// Forgets partitions no longer owned (their next owner resumes from the group's
    /// offset, possibly past ours) and expects new ones at their committed offsets.
    mutating func assign(_ partitions: Set<TopicPartition>, committed: [TopicPartition: Int64]) {
        let added = partitions.subtracting(owned)
        expected = expected.filter { partitions.contains($0.key) }
        for partition in added { expected[partition] = committed[partition] }
        owned = partitions
    }

    /// Takes the position of a message that starts a run of its partition; returns the
    /// offsets skipped before it, if any. Messages that continue a run are not shown here:
    /// the stream processor's chunk knows where they belong, and `expect` is told where the
    /// run ended when its chunk leaves.
    mutating func observe(_ partition: TopicPartition, offset: Int64) -> Range<Int64>? {
        defer { expected[partition] = offset + 1 }
        guard let next = expected[partition], offset > next else { return nil }
        return next..<offset
    }

    /// Owned partitions with an expected next offset, in no order: those a log start can be
    /// compared with.
    var watched: [TopicPartition] { Array(expected.keys) }

    /// The broker's log of the partition now begins at `logStart`: when that is past where
    /// its next message should be, the offsets between were deleted before they were read,
    /// and no later message is needed to say so (one may never come). Returns them, and
    /// expects the partition at `logStart` from then on.
    mutating func logStarts(_ partition: TopicPartition, at logStart: Int64) -> Range<Int64>? {
        guard owned.contains(partition), let next = expected[partition], logStart > next else { return nil }
        expected[partition] = logStart
        return next..<logStart
    }

    /// The partition's run ended before `offset`; an owned partition's next message belongs there.
    mutating func expect(_ partition: TopicPartition, at offset: Int64) {
        if owned.contains(partition) { expected[partition] = offset }
    }
}
