import Crypto
import Foundation
import HospitalCore
import HospitalLake
import Logging
import Synchronization

/// Claims, reads and encodes outbox files on its own thread, in name order, a few files
/// ahead of the publisher. Encoding is most of a file's cost and sending the rest; overlapped,
/// a backlog leaves at the pace of the slower of the two instead of both added up. A file
/// another producer claimed first is passed over: the reader moves on to the next.
final class OutboxReader: Sendable {
    enum Outcome {
        case events(OutboxFile, OutboxEvents)
        /// The file vanished, another producer holds it, or it was quarantined or released.
        case skipped
        /// Reading stops at the first error.
        case failed(any Error)
    }

    /// What reading a file needs besides the file: where this producer holds it, and how
    /// large an event the broker takes.
    struct Source: Sendable {
        let claims: OutboxClaims
        let maxEventBytes: Int
        let logger: Logger
    }

    private let ready: Handoff<Outcome>
    /// Buffers the publisher is done with, refilled for later files.
    private let spare = Mutex<[OutboxEvents]>([])
    private let finished = DispatchSemaphore(value: 0)

    init(files: [OutboxClaims.Waiting], source: Source, ahead: Int = 8) {
        ready = Handoff(capacity: ahead)
        Thread { [self] in
            defer {
                ready.close()
                finished.signal()
            }
            for waiting in files {
                guard source.claims.claim(waiting) else {
                    guard ready.put(.skipped) else { return }
                    continue
                }
                var events = spare.withLock { $0.popLast() } ?? OutboxEvents()
                let outcome: Outcome
                do {
                    outcome = try Self.read(waiting.file, source: source, into: &events) ? .events(waiting.file, events) : .skipped
                } catch {
                    outcome = .failed(error)
                }
                guard ready.put(outcome), case .failed = outcome else { continue }
                return
            }
        }.start()
    }

    /// The next file in order; nil after the last.
    func next() -> Outcome? { ready.take() }

    /// Hands a buffer back once its events are sent; consumed, so the reader refills the
    /// same memory rather than a copy.
    func recycle(_ events: consuming OutboxEvents) {
        var handed: OutboxEvents? = consume events
        spare.withLock { $0.append(handed.take()!) }
    }

    /// Stops reading ahead and waits for the thread to end.
    func finish() {
        ready.close()
        finished.wait()
    }

    /// Encodes the claimed file's events into `events`; false when the claim is gone, is not a
    /// regular file (never opened: the ingestor takes a link or a FIFO out of batch/), waits
    /// for its flag (given back under its own name), or was moved to failed/ with the line and
    /// column of its first bad row, of an event larger than the broker takes, or with what its
    /// flag says it should hold. A file is published only as the scheduler wrote it.
    static func read(_ file: OutboxFile, source: Source, into events: inout OutboxEvents) throws -> Bool {
        let claims = source.claims
        let layout = claims.layout
        let path = claims.path(of: file)
        guard LakeEntry.kind(path) == .regular, let bytes = try? LakeEntry.read(path) else { return false }
        let quarantine = Quarantine(layout: layout, service: "producer")
        func refuse(_ problem: InputProblem, line: Int = 1, column: Int = 1, reason: String) throws -> Bool {
            source.logger.error(
                "outbox file quarantined",
                metadata: [LogKey.file: "\(file.name)", LogKey.reason: "line \(line), column \(column): \(reason)"])
            try quarantine.move(
                path, as: file.name, quarantine.report(problem, file: "batch/" + file.name, line: line, column: column, reason: reason))
            return false
        }
        do {
            try EventEncoder.encode(file, bytes: bytes, into: &events, maxEventBytes: source.maxEventBytes)
        } catch {
            return try refuse(
                file.kind == .dailySummary ? .malformedJSON : .malformedCSV, line: error.line, column: error.column, reason: error.reason)
        }
        var flags = FlagCover(layout: layout)
        let rows = file.kind == .dailySummary ? 1 : events.count
        switch flags.check(
            file.name, bytes: bytes, sha256: SHA256.hash(data: bytes).hexString, rows: rows,
            state: SchedulerState.recover(from: layout).state)
        {
        case .matches: return true
        case .notYet:
            claims.release(file)
            return false
        case .refused(let reason): return try refuse(.flagMismatch, reason: reason)
        }
    }
}
