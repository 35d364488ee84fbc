import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import Logging

/// The producer service's work: every outbox file in `batch/` becomes its events on the
/// file's topic; only when every event is acknowledged does the file move to `processed/`.
/// Each file is first claimed (`OutboxClaims`), so producers side by side on one lake each
/// publish their own files; a crash before the move publishes the file again, with the same
/// event ids, from whichever producer takes the dead one's claim.
public final class OutboxPublisher {
    let layout: LakeLayout
    let topics: KafkaConfig.Topics
    let producer: RdKafkaProducer
    let logger: Logger
    let retry: Backoff
    public let claims: OutboxClaims
    /// Files queued and not yet settled at most; past it the publisher waits for reports
    /// before reading on, so the ledger (and librdkafka's queue, bounded on its own) stays small.
    let maxFilesInFlight: Int
    private let maxEventBytes: Int
    private var prepared = false
    private let clock = ContinuousClock()
    private var lastRefresh: ContinuousClock.Instant
    /// A file encoded on this thread: by `publish(_:)`, and again to re-send failed events
    /// (librdkafka copied each event when it was first sent, so no file's events are kept).
    private var resent = OutboxEvents()
    /// Rounds of re-sending in the current call, for the backoff.
    private var retries = 0

    public init(
        layout: LakeLayout, topics: KafkaConfig.Topics, producer: RdKafkaProducer, logger: Logger, retry: Backoff = Backoff(),
        owner: ProducerToken = .current, lease: Double = 60, maxFilesInFlight: Int = 256
    ) {
        self.layout = layout
        self.topics = topics
        self.producer = producer
        self.logger = logger
        self.retry = retry
        self.claims = OutboxClaims(layout: layout, owner: owner, lease: lease)
        self.maxFilesInFlight = maxFilesInFlight
        self.maxEventBytes = producer.maxEventBytes
        lastRefresh = clock.now
    }

    /// Outbox files this producer may publish now, in name order (dates sort as text): waiting
    /// in batch/, held by it, or held by a producer that is gone.
    public func pending() -> [OutboxFile] {
        claims.waiting().map(\.file)
    }

    /// Gives back the files this producer holds and has not published, for any producer to take.
    public func releaseClaims() {
        claims.releaseAll()
    }

    /// Publishes what is pending now; returns the number of events acknowledged. Files are
    /// read and encoded ahead on another thread, each file's events are queued as soon as
    /// they are ready, and delivery reports are taken as they come: a file moves as soon as
    /// its events (and those of the files before it) are acknowledged, without stopping the
    /// stream to wait for the broker.
    @discardableResult
    public func publishPending(shouldStop: () -> Bool = { false }) throws -> Int {
        prepareTopics()
        retries = 0
        var ledger = DeliveryLedger()
        var published = 0
        let reader = OutboxReader(files: claims.waiting(), source: source)
        defer {
            reader.finish()
            // What is still held was not published (stopped, or an error): back under its
            // own name, for whichever producer comes next.
            claims.releaseAll()
        }
        while let next = reader.next() {
            if shouldStop() { break }
            refreshClaimsWhenDue()
            switch consume next {
            case .skipped: continue
            case .failed(let error): throw error
            case .events(let file, let events):
                try queue(file, events, into: &ledger)
                reader.recycle(consume events)
            }
            ledger.record(producer.poll())
            // Many files in flight, but not without bound: past it, wait for the broker.
            while ledger.entries.count >= maxFilesInFlight, ledger.settledCount < 32, !ledger.hasFailures {
                if shouldStop() { throw PublishInterrupted(file: ledger.entries[0].file.name) }
                ledger.record(producer.poll(timeout: .milliseconds(100)))
                refreshClaimsWhenDue()
            }
            if ledger.hasFailures { try resendFailed(&ledger, shouldStop: shouldStop) }
            // Moves go in batches: each costs two folder syncs.
            if ledger.settledCount >= 32 { published += try moveSettled(&ledger) }
        }
        return published + (try settle(&ledger, shouldStop: shouldStop))
    }

    private var source: OutboxReader.Source {
        OutboxReader.Source(claims: claims, maxEventBytes: maxEventBytes, logger: logger)
    }

    /// Renews this producer's claims every quarter lease, so no other producer takes them
    /// for a dead one's while it waits for a broker that is away.
    private func refreshClaimsWhenDue() {
        guard clock.now - lastRefresh >= .seconds(claims.lease / 4) else { return }
        claims.refresh()
        lastRefresh = clock.now
    }

    /// Publishes one file and moves it; 0 when another producer holds it.
    public func publish(_ file: OutboxFile, shouldStop: () -> Bool = { false }) throws -> Int {
        prepareTopics()
        retries = 0
        guard let waiting = claims.waiting().first(where: { $0.file == file }), claims.claim(waiting) else { return 0 }
        defer { claims.release(file) }  // only when it is still held: not published
        guard try read(file) else { return 0 }
        var ledger = DeliveryLedger()
        try queue(file, resent, into: &ledger)
        return try settle(&ledger, shouldStop: shouldStop)
    }

    /// Once per publisher, so the first burst to each topic need not wait for librdkafka's
    /// once-a-second topic scan. A broker that does not answer only costs that wait.
    private func prepareTopics() {
        guard !prepared else { return }
        prepared = true
        do {
            try producer.prepare(topics: [topics.summary, topics.transport, topics.transfers], timeout: .seconds(2))
        } catch {
            logger.warning(
                "topic metadata not fetched ahead; the first events wait for the next scan", metadata: [LogKey.reason: "\(error)"])
        }
    }

    /// Encodes the claimed file's events into `resent`; false when it is gone or was quarantined.
    private func read(_ file: OutboxFile) throws -> Bool {
        try OutboxReader.read(file, source: source, into: &resent)
    }

    private func queue(_ file: OutboxFile, _ events: OutboxEvents, into ledger: inout DeliveryLedger) throws {
        let serial = ledger.add(file, topic: file.kind.topic(topics), events: events.count)
        try send(events, events.indices, file: serial, into: &ledger)
    }

    /// Sends these of the file's events.
    private func send(_ events: OutboxEvents, _ indices: some Sequence<Int>, file serial: Int, into ledger: inout DeliveryLedger) throws {
        let topic = ledger.entry(serial).topic
        try events.forEachEvent(in: indices) { event, key, value in
            ledger.sent(try producer.send(topic: topic, key: key, value: value), file: serial, event: event)
        }
    }

    /// Waits for every report, sending failed events again until all are acknowledged, then
    /// moves what is left.
    private func settle(_ ledger: inout DeliveryLedger, shouldStop: () -> Bool) throws -> Int {
        guard !ledger.isEmpty else { return 0 }
        while true {
            ledger.record(try flushAll(shouldStop: shouldStop, file: ledger.entries[0].file.name))
            guard ledger.hasFailures else { break }
            try resendFailed(&ledger, shouldStop: shouldStop)
        }
        return try moveSettled(&ledger)
    }

    /// Sends the failed events again after a backoff, each file encoded again to the same
    /// bytes: a file stays in batch/ until every event of it is acknowledged.
    private func resendFailed(_ ledger: inout DeliveryLedger, shouldStop: () -> Bool) throws {
        let failed = ledger.takeFailed()
        retries += 1
        logger.warning(
            "delivery failed; retrying",
            metadata: [LogKey.failed: "\(failed.reduce(0) { $0 + $1.events.count })", LogKey.attempt: "\(retries)"])
        let first = ledger.entry(failed[0].file).file.name
        if shouldStop() { throw PublishInterrupted(file: first) }
        Thread.sleep(forTimeInterval: retry.delay(afterAttempt: retries))
        refreshClaimsWhenDue()
        for (serial, events) in failed {
            let file = ledger.entry(serial).file
            guard try read(file) else { throw PublishInterrupted(file: file.name) }
            try send(resent, events, file: serial, into: &ledger)
        }
    }

    /// Moves the settled files from their claims to processed/; returns their events.
    private func moveSettled(_ ledger: inout DeliveryLedger) throws -> Int {
        let settled = ledger.takeSettled()
        guard !settled.isEmpty else { return 0 }
        for file in try claims.finish(settled.map(\.file)) {
            logger.warning(
                "outbox file published, but its claim was taken over meanwhile: the new holder publishes it again",
                metadata: [LogKey.file: "\(file.name)"])
        }
        for entry in settled {
            logger.info(
                "outbox file published",
                metadata: [LogKey.file: "\(entry.file.name)", LogKey.events: "\(entry.events)", LogKey.topic: "\(entry.topic)"])
        }
        return settled.reduce(0) { $0 + $1.events }
    }

    /// Waits for every report however long the broker is away (the producer retries
    /// inside), but looks at `shouldStop` every second: a SIGTERM while the broker is
    /// unreachable stops the service, the files stay in batch/ and are published again.
    private func flushAll(shouldStop: () -> Bool, file: String) throws -> [DeliveryReport] {
        var reports: [DeliveryReport] = []
        var waited = 0
        while true {
            do {
                reports += try producer.flush(timeout: .seconds(1))
                return reports
            } catch let error as KafkaError where error.code == .timedOut {
                reports += producer.poll()
                if shouldStop() { throw PublishInterrupted(file: file) }
                refreshClaimsWhenDue()
                waited += 1
                if waited % 10 == 0 {
                    logger.warning("delivery reports still outstanding", metadata: [LogKey.inFlight: "\(producer.inFlightCount)"])
                }
            }
        }
    }
}
