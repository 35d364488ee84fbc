import Foundation
import HospitalCore
import HospitalKafka
import Logging

/// The producer service's work: every outbox file in `batch/` becomes its events on the
/// file's topic; only when every event is acknowledged does the file move to `processed/`.
/// A crash before the move publishes the file again, with the same event ids.
public final class OutboxPublisher {
    let layout: LakeLayout
    let topics: KafkaConfig.Topics
    let producer: RdKafkaProducer
    let logger: Logger
    let retry: Backoff
    private var prepared = false

    public init(layout: LakeLayout, topics: KafkaConfig.Topics, producer: RdKafkaProducer, logger: Logger, retry: Backoff = Backoff()) {
        self.layout = layout
        self.topics = topics
        self.producer = producer
        self.logger = logger
        self.retry = retry
    }

    /// Outbox files waiting in batch/, in name order (dates sort as text).
    public func pending() -> [OutboxFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.batch)) ?? []
        return names.sorted().compactMap(OutboxFile.init(name:))
    }

    /// Publishes what is pending now, many files per flush (a flush waits a broker round
    /// trip, so one per file would cap the rate); returns the number of events acknowledged.
    /// Each file's events are queued as soon as it is read, so librdkafka sends them while
    /// the next file is read and encoded.
    @discardableResult
    public func publishPending(shouldStop: () -> Bool = { false }, eventsPerFlush: Int = 50_000) throws -> Int {
        prepareTopics()
        var published = 0
        var inFlight = InFlight()
        for file in pending() {
            if shouldStop() { break }
            guard let events = try read(file) else { continue }
            try queue(file, events, into: &inFlight)
            if inFlight.messages.count >= eventsPerFlush {
                published += try settle(inFlight, shouldStop: shouldStop)
                inFlight = InFlight()
            }
        }
        return published + (inFlight.files.isEmpty ? 0 : try settle(inFlight, shouldStop: shouldStop))
    }

    /// Publishes one file and moves it.
    public func publish(_ file: OutboxFile, shouldStop: () -> Bool = { false }) throws -> Int {
        prepareTopics()
        guard let events = try read(file) else { return 0 }
        var inFlight = InFlight()
        try queue(file, events, into: &inFlight)
        return try settle(inFlight, shouldStop: shouldStop)
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

    /// The file's events, or nil when it is gone or was quarantined for a bad row.
    private func read(_ file: OutboxFile) throws -> [OutboxEvent]? {
        let path = layout.batch + "/" + file.name
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try EventEncoder.events(file, bytes: [UInt8](data))
        } catch {
            logger.error("outbox file quarantined", metadata: [LogKey.file: "\(file.name)", LogKey.reason: "\(error)"])
            try Quarantine(layout: layout).move(path, line: error.line, column: error.column, reason: error.reason)
            return nil
        }
    }

    /// Files whose events are queued on the producer, and which report belongs to which event.
    private struct InFlight {
        var files: [(file: OutboxFile, events: Int)] = []
        var messages: [(topic: String, event: OutboxEvent)] = []
        var tokens: [MessageToken: Int] = [:]
    }

    private func queue(_ file: OutboxFile, _ events: [OutboxEvent], into inFlight: inout InFlight) throws {
        let topic = file.kind.topic(topics)
        inFlight.files.append((file, events.count))
        inFlight.tokens.reserveCapacity(inFlight.tokens.count + events.count)
        for event in events {
            inFlight.tokens[try producer.send(topic: topic, key: event.key, value: event.value)] = inFlight.messages.count
            inFlight.messages.append((topic, event))
        }
    }

    /// Waits for every report, re-sends the events whose delivery failed until all are
    /// acknowledged, and only then moves the files, in order.
    private func settle(_ sent: InFlight, shouldStop: () -> Bool) throws -> Int {
        var inFlight = sent
        var attempt = 0
        while true {
            let reports = try flushAll(shouldStop: shouldStop, file: inFlight.files[0].file.name)
            let failed = reports.filter { !$0.isSuccess }.compactMap { inFlight.tokens[$0.token] }.sorted()
            guard !failed.isEmpty else { break }
            attempt += 1
            let reason = reports.first { !$0.isSuccess }?.error.map { "\($0)" } ?? ""
            logger.warning(
                "delivery failed; retrying",
                metadata: [LogKey.failed: "\(failed.count)", LogKey.reason: "\(reason)", LogKey.attempt: "\(attempt)"])
            if shouldStop() { throw PublishInterrupted(file: inFlight.files[0].file.name) }
            Thread.sleep(forTimeInterval: retry.delay(afterAttempt: attempt))
            inFlight.tokens = [:]
            for index in failed {
                let message = inFlight.messages[index]
                inFlight.tokens[try producer.send(topic: message.topic, key: message.event.key, value: message.event.value)] = index
            }
        }
        try layout.move(batchFiles: inFlight.files.map(\.file.name), to: layout.processed)
        for (file, events) in inFlight.files {
            logger.info(
                "outbox file published",
                metadata: [LogKey.file: "\(file.name)", LogKey.events: "\(events)", LogKey.topic: "\(file.kind.topic(topics))"])
        }
        return inFlight.messages.count
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
                waited += 1
                if waited % 10 == 0 {
                    logger.warning("delivery reports still outstanding", metadata: [LogKey.inFlight: "\(producer.inFlightCount)"])
                }
            }
        }
    }
}

/// Stopped while a file had unacknowledged events: it stays in batch/ and is published again.
public struct PublishInterrupted: Error, CustomStringConvertible {
    public let file: String
    public var description: String { "stopped before every event of \(file) was acknowledged" }
}
