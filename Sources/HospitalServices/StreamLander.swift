import Foundation
import HospitalCore
import HospitalKafka
import Logging

/// The stream processor's work: consume the topics as group `hospital-stream-processor` and
/// land the events as JSON Lines chunks `stream/<topic>/<topic>+<partition>+<offset>.json`.
/// A chunk is cut by count or when its partition has been idle; offsets are committed only
/// after the chunk is durable, so a crash re-delivers whole chunks under the same names.
///
/// A failed commit never stops landing: the chunk is already durable, so its offset is
/// kept and committed again with backoff from the poll loop (a later chunk's commit of the
/// same partition covers it too). Blocking on the commit instead would starve the poll that
/// a rebalance needs to complete, and throwing would drop the consumer for a transient
/// coordinator error. If a commit never succeeds the worst case is re-delivery: the next
/// owner lands the same offsets again with the same bytes, which downstream deduplicates.
public final class StreamLander {
    public static let groupID = "hospital-stream-processor"

    struct Chunk {
        var start: Int64
        var next: Int64
        var lines: [UInt8] = []
        var count = 0
        var lastActivity: ContinuousClock.Instant
    }

    let layout: LakeLayout
    let consumer: RdKafkaConsumer
    let logger: Logger
    let chunkSize: Int
    let idle: Duration
    let commitRetry: Backoff
    private var chunks: [TopicPartition: Chunk] = [:]
    /// Internal for `StreamLander+Gaps.swift`.
    var gaps = OffsetGapWatch()
    /// Next offsets of landed chunks whose commit has not succeeded yet.
    private var uncommitted: [TopicPartition: Int64] = [:]
    private var commitFailures = 0
    private var nextCommitAttempt = ContinuousClock.now
    public private(set) var landedEvents = 0
    public private(set) var landedFiles = 0
    /// Commits that failed and were tried again (a health figure; tests prove faults bit).
    public private(set) var commitRetries = 0

    public init(
        layout: LakeLayout, consumer: RdKafkaConsumer, logger: Logger, chunkSize: Int = 10_000, idle: Duration = .seconds(1),
        commitRetry: Backoff = Backoff(base: 0.1, ceiling: 2)
    ) {
        self.layout = layout
        self.consumer = consumer
        self.logger = logger
        self.chunkSize = chunkSize
        self.idle = idle
        self.commitRetry = commitRetry
    }

    /// Polls until `shouldStop`, or until nothing new arrived for `idleExit`; flushes and
    /// commits what it holds before returning.
    public func run(idleExit: Duration? = nil, shouldStop: () -> Bool = { false }) throws {
        let clock = ContinuousClock()
        var lastMessage = clock.now
        while !shouldStop() {
            let messages = try consumer.poll(maxMessages: 5_000, timeout: .milliseconds(100))
            let owned = Set(try consumer.assignment())
            if owned != gaps.owned { watchGaps(in: owned) }
            // Joining the group takes seconds; idleness counts only once partitions are ours.
            if !messages.isEmpty || owned.isEmpty { lastMessage = clock.now }
            for message in messages { try take(message, now: clock.now) }
            try cutIdle(now: clock.now)
            if !uncommitted.isEmpty, clock.now >= nextCommitAttempt { try commitLanded() }
            if let idleExit, clock.now - lastMessage >= idleExit, chunks.isEmpty { break }
        }
        try flushAll()
        try commitBeforeExit()
    }

    private func take(_ message: KafkaMessage, now: ContinuousClock.Instant) throws {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        if let missing = gaps.observe(partition, offset: message.offset) { try recordGap(partition, missing: missing) }
        if chunks[partition].map({ $0.next != message.offset }) ?? false {
            // A gap or a rewind (a rebalance re-delivered from the committed offset): land what is held first.
            try flush(partition)
        }
        // Taken out of the dictionary while it grows: a copy left behind would make every
        // append copy the whole chunk (copy on write), quadratic in the chunk's size.
        var chunk = chunks.removeValue(forKey: partition) ?? Chunk(start: message.offset, next: message.offset, lastActivity: now)
        if JSONLineValidator.isObject(message.value) {
            chunk.lines += message.value
            chunk.lines.append(UInt8(ascii: "\n"))
            chunk.count += 1
        } else {
            try quarantine(message)
        }
        chunk.next = message.offset + 1
        chunk.lastActivity = now
        chunks[partition] = chunk
        if chunk.count >= chunkSize { try flush(partition) }
    }

    /// The idle timer runs on every poll, not only when a message arrives, so the tail of a
    /// burst is landed without waiting for the next event.
    private func cutIdle(now: ContinuousClock.Instant) throws {
        let due = chunks.filter { now - $0.value.lastActivity >= idle }.keys.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
        for partition in due { try flush(partition) }
    }

    private func flushAll() throws {
        for partition in chunks.keys.sorted(by: { ($0.topic, $0.partition) < ($1.topic, $1.partition) }) { try flush(partition) }
    }

    private func flush(_ partition: TopicPartition) throws {
        guard let chunk = chunks.removeValue(forKey: partition) else { return }
        // A partition taken away by a rebalance is re-delivered to its new owner from the
        // committed offset; landing it here as well would only make a differently cut duplicate.
        guard try consumer.assignment().contains(partition) else {
            logger.info(
                "partition revoked; chunk left to its new owner",
                metadata: [LogKey.topic: "\(partition.topic)", LogKey.partition: "\(partition.partition)"])
            return
        }
        if chunk.count > 0 {
            let folder = layout.stream + "/" + partition.topic
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try LakeFile.write(chunk.lines, rows: chunk.count, to: folder + "/" + Self.fileName(partition, start: chunk.start))
            LakeFolders.sync(folder)
            landedEvents += chunk.count
            landedFiles += 1
        }
        uncommitted[partition] = chunk.next
        if commitFailures == 0 { try commitLanded() }
    }

    /// Commits every landed chunk not yet committed; on failure, schedules the next attempt.
    /// Partitions revoked meanwhile are dropped: their new owner resumes from the group's
    /// committed offset, and our commit would belong to a finished generation.
    private func commitLanded() throws {
        let owned = Set(try consumer.assignment())
        uncommitted = uncommitted.filter { owned.contains($0.key) }
        guard !uncommitted.isEmpty else { return }
        let offsets = uncommitted.map { TopicPartitionOffset(topic: $0.key.topic, partition: $0.key.partition, nextOffset: $0.value) }
        do {
            try consumer.commit(offsets: offsets)
            uncommitted.removeAll()
            commitFailures = 0
        } catch let error as KafkaError {
            commitFailures += 1
            commitRetries += 1
            let delay = commitRetry.delay(afterAttempt: commitFailures)
            nextCommitAttempt = ContinuousClock.now + .milliseconds(Int(delay * 1000))
            logger.warning(
                "offset commit failed; landed chunks stay durable, commit retried",
                metadata: [
                    LogKey.reason: "\(error)", LogKey.attempt: "\(commitFailures)",
                    LogKey.partition: "\(offsets.map { "\($0.topic)[\($0.partition)]" }.sorted())",
                ])
        }
    }

    /// On the way out the commit gets a few more tries; if they all fail the service still
    /// exits cleanly, and the next owner re-lands those chunks with the same bytes.
    private func commitBeforeExit(attempts: Int = 6) throws {
        for _ in 0..<attempts where !uncommitted.isEmpty {
            let wait = nextCommitAttempt - ContinuousClock.now
            if wait > .zero { Thread.sleep(forTimeInterval: wait / .seconds(1)) }
            try commitLanded()
        }
        if !uncommitted.isEmpty {
            logger.error(
                "offsets left uncommitted at exit; their chunks will be re-delivered",
                metadata: [LogKey.partition: "\(uncommitted.keys.map(\.description).sorted())"])
        }
    }

    /// The Confluent sink's scheme: a re-delivered chunk rewrites the same name.
    public static func fileName(_ partition: TopicPartition, start: Int64) -> String {
        chunkStem(partition, start: start) + ".json"
    }

    /// `<topic>+<partition>+<start>`, the offset zero-padded to 19 digits.
    static func chunkStem(_ partition: TopicPartition, start: Int64) -> String {
        var text = ByteText()
        text.append("\(partition.topic)+\(partition.partition)+")
        text.append(UInt64(start), width: 19)
        return text.string
    }

    private func quarantine(_ message: KafkaMessage) throws {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        let name = Self.fileName(partition, start: message.offset)
        logger.error(
            "event is not a JSON object; quarantined",
            metadata: [LogKey.topic: "\(message.topic)", LogKey.partition: "\(message.partition)", LogKey.offset: "\(message.offset)"])
        try Quarantine(layout: layout).store(
            message.value, name: name, reason: "event is not a JSON object",
            extra: [("topic", message.topic), ("partition", "\(message.partition)"), ("offset", "\(message.offset)")])
    }
}
