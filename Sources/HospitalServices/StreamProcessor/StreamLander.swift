import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import Logging

/// The stream processor's work: consume the topics as group `hospital-stream-processor` and
/// land the events as JSON Lines chunks `stream/<topic>/<topic>+<partition>+<offset>.json`.
/// Chunks are cut as `ChunkCuts` decides (count, idle, age); offsets are committed only
/// after the chunk is durable. Each event lands once (`LandedEvents`): a crash before the
/// commit re-delivers events already landed, and a republished file repeats them at new
/// offsets; both are skipped.
///
/// A failed commit never stops landing: the chunk is already durable, so its offset is
/// kept and committed again with backoff from the poll loop (a later chunk's commit of the
/// same partition covers it too). Blocking on the commit instead would starve the poll that
/// a rebalance needs to complete, and throwing would drop the consumer for a transient
/// coordinator error. If a commit never succeeds the worst case is re-delivery, which the
/// next owner skips: it reads the landed ids of every partition it is given.
public final class StreamLander {
    public static let groupID = "hospital-stream-processor"

    let layout: LakeLayout
    let consumer: RdKafkaConsumer
    let logger: Logger
    /// Each partition's open chunk and when to cut it.
    private var cuts: ChunkCuts<StreamChunk>
    /// Buffers of landed chunks, for the next ones: the same memory chunk after chunk.
    private var spareBuffers: [[UInt8]] = []
    /// Internal for `StreamLander+Gaps.swift`.
    var gaps = OffsetGapWatch()
    /// How often, while no message comes, the broker is asked where the quiet partitions' logs begin.
    let logStartInterval: Duration
    /// Every event id each owned partition landed, so a republished event lands once.
    private var landedIDs = LandedEvents()
    /// Landed offsets the group has not been told yet, and the retry of a failed commit.
    private var commits: CommitSchedule
    public private(set) var landedEvents = 0
    public private(set) var landedFiles = 0
    /// Events skipped because their partition had landed them already.
    public private(set) var skippedRepeats = 0
    /// Commits that failed and were tried again (a health figure; tests prove faults bit).
    public var commitRetries: Int { commits.retries }

    public init(
        layout: LakeLayout, consumer: RdKafkaConsumer, logger: Logger, chunkSize: Int = 10_000, idle: Duration = .seconds(1),
        maxAge: Duration = .seconds(10), commitRetry: Backoff = Backoff(base: 0.1, ceiling: 2),
        logStartInterval: Duration = .seconds(5)
    ) {
        self.logStartInterval = logStartInterval
        self.layout = layout
        self.consumer = consumer
        self.logger = logger
        self.cuts = ChunkCuts(size: chunkSize, idle: idle, maxAge: maxAge)
        self.commits = CommitSchedule(retry: commitRetry)
    }

    /// Polls until `shouldStop`, or until nothing new arrived for `idleExit`; flushes and
    /// commits what it holds before returning.
    public func run(idleExit: Duration? = nil, shouldStop: () -> Bool = { false }) throws {
        let clock = ContinuousClock()
        var lastMessage = clock.now
        var lastLogStartCheck = clock.now
        while !shouldStop() {
            let taken = try consumer.poll(maxMessages: 5_000, timeout: cuts.pollTimeout(at: clock.now)) {
                try take($0, now: clock.now)
            }
            let owned = Set(try consumer.assignment())
            if owned != gaps.owned { try follow(assignment: owned) }
            // Joining the group takes seconds; idleness counts only once partitions are ours.
            if taken > 0 || owned.isEmpty { lastMessage = clock.now }
            if taken == 0, clock.now - lastLogStartCheck >= logStartInterval {
                try checkLogStarts(open: Set(cuts.open))
                lastLogStartCheck = clock.now
            }
            try land(cuts.due(at: clock.now))
            if commits.isDue(at: clock.now) { try commitLanded() }
            if let idleExit, clock.now - lastMessage >= idleExit, cuts.isEmpty { break }
        }
        try land(cuts.open)
        try commitBeforeExit()
    }

    private func take(_ message: borrowing KafkaMessageView, now: ContinuousClock.Instant) throws {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        let offset = message.offset
        let chunk: StreamChunk
        switch cuts.arrival(partition, offset: offset) {
        case .continues(let held): chunk = held
        case .startsRun(let ending): chunk = try startRun(partition, at: offset, ending: ending, now: now)
        }
        var kept = false
        let valid = try message.withValue { value in
            guard JSONLineValidator.isObject(value.assumingMemoryBound(to: UInt8.self)) else { return false }
            kept = landedIDs.insert(value, in: partition)
            if kept { try chunk.append(value, offset: offset) } else { chunk.skipped += 1 }
            return true
        }
        if !valid { try quarantine(message.copy()) }
        if cuts.took(partition, kept: kept, now: now) { try land([partition]) }
    }

    /// A message that does not continue its partition's chunk. Checks the assignment and the
    /// gap watch, lands the run it cannot continue, and returns a new chunk starting at `offset`.
    private func startRun(
        _ partition: TopicPartition, at offset: Int64, ending: ChunkCuts<StreamChunk>.Run?, now: ContinuousClock.Instant
    ) throws -> StreamChunk {
        // A partition assigned inside this poll: expect it at the group's committed offset
        // before its first message is observed, or that message would look like a gap.
        if !gaps.owned.contains(partition) { try follow(assignment: Set(try consumer.assignment())) }
        if let ending {
            gaps.expect(partition, at: ending.next)
            // A gap or a rewind (a rebalance re-delivered from the committed offset): land what is held first.
            try land([partition])
        }
        if let missing = gaps.observe(partition, offset: offset) { try recordGap(partition, missing: missing) }
        let folder = layout.stream + "/" + partition.topic
        // Looked at for every chunk: a link put in the folder's place would carry the events out of the lake.
        if try LakeFolders.ensureFolder(folder, quarantine: Quarantine(layout: layout, service: "stream-processor")) {
            logger.error("a topic folder was not a folder; moved to failed/", metadata: [LogKey.topic: "\(partition.topic)"])
        }
        let chunk = StreamChunk(folder: folder, partition: partition, buffer: spareBuffers.popLast() ?? [])
        cuts.open(partition, at: offset, chunk: chunk, now: now)
        return chunk
    }

    /// A rebalance happened: new partitions are watched for gaps, chunks of revoked ones dropped.
    private func follow(assignment owned: Set<TopicPartition>) throws {
        watchGaps(in: owned)
        dropChunks(notIn: owned)
        try landedIDs.assign(owned, stream: layout.stream)
    }

    /// A partition taken away by a rebalance is re-delivered to its new owner from the
    /// committed offset; landing it here as well would only make a differently cut duplicate.
    /// Dropped as soon as the assignment shows it, before the new owner starts the same chunk.
    private func dropChunks(notIn owned: Set<TopicPartition>) {
        for partition in cuts.revoke(notIn: owned) {
            // Its events were counted as landed; the partition's ids are read again if it comes back.
            landedIDs.forget(partition)
            logger.info(
                "partition revoked; chunk left to its new owner",
                metadata: [LogKey.topic: "\(partition.topic)", LogKey.partition: "\(partition.partition)"])
        }
    }

    /// Lands the partitions' chunks: each file fsynced and renamed, each folder synced once,
    /// then one commit for them all (a tail of many partitions costs one round trip, not one each).
    private func land(_ partitions: [TopicPartition]) throws {
        guard !partitions.isEmpty else { return }
        let owned = Set(try consumer.assignment())
        dropChunks(notIn: owned)
        var written: Set<String> = []
        for partition in partitions.sorted(by: ChunkCuts<StreamChunk>.order) {
            guard let run = cuts.close(partition) else { continue }
            let chunk = run.chunk
            gaps.expect(partition, at: run.next)
            let landed: Bool
            do {
                landed = try chunk.land()
            } catch let collision as StreamChunk.Collision {
                try refuse(collision, chunk: chunk, partition: partition)
            }
            if landed {
                written.insert(layout.stream + "/" + partition.topic)
                landedEvents += chunk.count
                landedFiles += 1
            }
            if chunk.skipped > 0 { noteRepeats(chunk) }
            commits.landed(partition, next: run.next)
            if spareBuffers.count < 64 { spareBuffers.append(chunk.buffer) }
        }
        for folder in written.sorted() { LakeFolders.sync(folder) }
        if commits.commitsOnLanding { try commitLanded() }
    }

    /// A landed chunk is never replaced by other events: a broker whose offsets went back (its
    /// log lost, a new cluster under the old name) would otherwise overwrite events already
    /// landed and loaded. The new chunk is kept in failed/ with the reason, and the service
    /// stops, naming it: what the broker now holds is for a person to judge.
    private func refuse(_ collision: StreamChunk.Collision, chunk: StreamChunk, partition: TopicPartition) throws -> Never {
        let quarantine = Quarantine(layout: layout, service: "stream-processor")
        let start = collision.start
        let name = quarantine.freeName((collision.path as NSString).lastPathComponent)
        try chunk.divert(to: layout.failed + "/" + name)
        let reason =
            "\(partition.topic) partition \(partition.partition) offset \(start) again holds other events than the landed "
            + "\(layout.relative(collision.path)): the broker's offsets went back; the new events are kept in failed/\(name)"
        var report = quarantine.report(.replaced, file: layout.relative(collision.path), reason: reason)
        (report.topic, report.partition, report.offset) = (partition.topic, partition.partition, start)
        try quarantine.record(name: name, report)
        LakeFolders.sync(layout.failed)
        logger.critical(
            "landed chunk would be overwritten", metadata: [LogKey.file: "\(layout.relative(collision.path))", LogKey.reason: "\(reason)"])
        throw LakeError.badState(path: layout.relative(collision.path), reason: reason)
    }

    /// A republished file, or a delivery sent again, showed up as events already landed.
    private func noteRepeats(_ chunk: StreamChunk) {
        skippedRepeats += chunk.skipped
        logger.info(
            "events landed already were skipped",
            metadata: [
                LogKey.topic: "\(chunk.partition.topic)", LogKey.partition: "\(chunk.partition.partition)",
                LogKey.events: "\(chunk.skipped)",
            ])
    }

    /// Commits every landed chunk not yet committed; on failure, schedules the next attempt.
    /// Partitions revoked meanwhile are dropped: their new owner resumes from the group's
    /// committed offset, and our commit would belong to a finished generation.
    private func commitLanded() throws {
        commits.keep(only: Set(try consumer.assignment()))
        guard !commits.isEmpty else { return }
        let offsets = commits.offsets
        do {
            try consumer.commit(offsets: offsets)
            commits.committed(offsets)
        } catch let error as KafkaError {
            _ = commits.failed(at: .now)
            logger.warning(
                "offset commit failed; landed chunks stay durable, commit retried",
                metadata: [
                    LogKey.reason: "\(error)", LogKey.attempt: "\(commits.failures)",
                    LogKey.partition: "\(Self.partitions(offsets))",
                ])
        }
    }

    /// On the way out the commit gets a few more tries; if they all fail the service still
    /// exits cleanly, and the next owner skips the re-delivered events.
    private func commitBeforeExit(attempts: Int = 6) throws {
        for _ in 0..<attempts where !commits.isEmpty {
            let wait = commits.wait(from: .now)
            if wait > .zero { Thread.sleep(forTimeInterval: wait / .seconds(1)) }
            try commitLanded()
        }
        if !commits.isEmpty {
            logger.error(
                "offsets left uncommitted at exit; their chunks will be re-delivered",
                metadata: [LogKey.partition: "\(Self.partitions(commits.offsets))"])
        }
    }

    private static func partitions(_ offsets: [TopicPartitionOffset]) -> [String] {
        offsets.map { "\($0.topic)[\($0.partition)]" }
    }

    /// The chunk of `partition` whose first event is at `start` (docs/lake.md §Chunks).
    static func chunk(_ partition: TopicPartition, start: Int64) -> StreamChunkName {
        StreamChunkName(topic: partition.topic, partition: partition.partition, firstOffset: start)
    }

    public static func fileName(_ partition: TopicPartition, start: Int64) -> String {
        LakeFileName.streamChunk(chunk(partition, start: start)).name
    }

    private func quarantine(_ message: KafkaMessage) throws {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        let name = Self.fileName(partition, start: message.offset)
        logger.error(
            "event is not a JSON object; quarantined",
            metadata: [LogKey.topic: "\(message.topic)", LogKey.partition: "\(message.partition)", LogKey.offset: "\(message.offset)"])
        let quarantine = Quarantine(layout: layout, service: "stream-processor")
        var report = quarantine.report(.malformedJSON, file: "failed/" + name, reason: "event is not a JSON object")
        (report.topic, report.partition, report.offset) = (message.topic, message.partition, message.offset)
        try quarantine.store(message.value, name: name, report)
    }
}
