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
    @discardableResult
    public func publishPending(shouldStop: () -> Bool = { false }, eventsPerFlush: Int = 50_000) throws -> Int {
        var published = 0
        var batch: [(file: OutboxFile, events: [OutboxEvent])] = []
        var queued = 0
        for file in pending() {
            if shouldStop() { break }
            guard let events = try read(file) else { continue }
            batch.append((file, events))
            queued += events.count
            if queued >= eventsPerFlush {
                published += try send(batch, shouldStop: shouldStop)
                batch.removeAll()
                queued = 0
            }
        }
        return published + (batch.isEmpty ? 0 : try send(batch, shouldStop: shouldStop))
    }

    /// Publishes one file and moves it.
    public func publish(_ file: OutboxFile, shouldStop: () -> Bool = { false }) throws -> Int {
        guard let events = try read(file) else { return 0 }
        return try send([(file, events)], shouldStop: shouldStop)
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

    /// Sends every event of the files, re-sends those whose delivery failed until all are
    /// acknowledged, and only then moves the files, in order.
    private func send(_ files: [(file: OutboxFile, events: [OutboxEvent])], shouldStop: () -> Bool) throws -> Int {
        var unacknowledged: [(topic: String, event: OutboxEvent)] = files.flatMap { entry in
            entry.events.map { (entry.file.kind.topic(topics), $0) }
        }
        let total = unacknowledged.count
        var attempt = 0
        while !unacknowledged.isEmpty {
            var tokens: [MessageToken: Int] = [:]
            for (index, message) in unacknowledged.enumerated() {
                tokens[try producer.send(topic: message.topic, key: message.event.key, value: message.event.value)] = index
            }
            let reports = try flushAll()
            let failed = reports.filter { !$0.isSuccess }.compactMap { tokens[$0.token] }.sorted()
            if let first = reports.first(where: { !$0.isSuccess }) {
                attempt += 1
                logger.warning(
                    "delivery failed; retrying",
                    metadata: [
                        LogKey.failed: "\(failed.count)", LogKey.reason: "\(first.error.map { "\($0)" } ?? "")",
                        LogKey.attempt: "\(attempt)",
                    ])
                if shouldStop() { throw PublishInterrupted(file: files[0].file.name) }
                Thread.sleep(forTimeInterval: retry.delay(afterAttempt: attempt))
            }
            unacknowledged = failed.map { unacknowledged[$0] }
        }
        for (file, events) in files {
            try layout.move(batchFile: file.name, to: layout.processed)
            logger.info(
                "outbox file published",
                metadata: [LogKey.file: "\(file.name)", LogKey.events: "\(events.count)", LogKey.topic: "\(file.kind.topic(topics))"])
        }
        return total
    }

    /// Waits for every report, however long the broker is away; the producer retries inside.
    private func flushAll() throws -> [DeliveryReport] {
        var reports: [DeliveryReport] = []
        while true {
            do {
                reports += try producer.flush(timeout: .seconds(10))
                return reports
            } catch let error as KafkaError where error.code == .timedOut {
                reports += producer.poll()
                logger.warning("delivery reports still outstanding", metadata: [LogKey.inFlight: "\(producer.inFlightCount)"])
            }
        }
    }
}

/// Stopped while a file had unacknowledged events: it stays in batch/ and is published again.
public struct PublishInterrupted: Error, CustomStringConvertible {
    public let file: String
    public var description: String { "stopped before every event of \(file) was acknowledged" }
}
