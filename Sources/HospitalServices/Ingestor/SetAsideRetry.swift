import Crypto
import HospitalCore
import HospitalLake

/// The events a chunk's load set aside because a parent row was missing are tried again
/// whenever a pass loaded something: those whose parents are there now load under the
/// set-aside file's own ledger name, and the file is rewritten with the rest (removed when
/// none is left).
struct SetAsideRetry {
    let context: IngestContext

    /// Writes (or, with no events, removes) a chunk's set-aside file and its report.
    static func write(_ events: [SetAsideEvent], source: String, chunk: StreamChunkName, context: IngestContext) throws {
        guard let first = events.first else { return context.inbox.removeSetAside(chunk) }
        let name = LakeFileName.setAside(chunk).name
        var report = context.inbox.quarantine.report(
            .setAside, file: source, line: first.line, column: first.column,
            reason: "\(events.count) event(s) set aside in failed/\(name), the first: \(first.reason)")
        report.setAside = events.count
        try context.inbox.writeSetAside(
            events.flatMap { $0.jsonLine(source: source) }, events: events.count, report: report.json, chunk: chunk)
    }

    /// One retry of every set-aside file whose chunk `isLoaded` says is committed; returns what
    /// loaded, for the pass to book. Each runs under its chunk's claim, the one the chunk's own
    /// load takes, so no other worker writes the file meanwhile.
    func run(isLoaded: (String) -> Bool) throws -> [FileOutcome] {
        var outcomes: [FileOutcome] = []
        for chunk in context.inbox.setAsideChunks() {
            let chunkName = LakeFileName.streamChunk(chunk).name
            guard isLoaded(chunkName), let file = IngestFile(name: chunkName, topic: chunk.topic, topics: context.inbox.topics),
                try context.claim(chunkName)
            else { continue }
            defer { try? context.release(chunkName) }
            guard let bytes = context.inbox.setAside(chunk) else { continue }
            let events = bytes.split(separator: UInt8(ascii: "\n")).compactMap { SetAsideEvent(jsonLine: $0) }
            let retrying = events.filter { $0.retry && $0.event != nil }
            guard !retrying.isEmpty else { continue }
            let ledgerName = "failed/" + LakeFileName.setAside(chunk).name
            guard let (outcome, loadedLines) = try load(retrying, file: file, ledgerName: ledgerName) else { continue }
            outcomes.append(outcome)
            let loaded = Set(loadedLines.map { retrying[$0 - 1].line })
            try Self.write(
                events.filter { !($0.retry && loaded.contains($0.line)) }, source: "stream/\(chunk.topic)/\(chunkName)", chunk: chunk,
                context: context)
            context.logger.info(
                "set-aside events loaded",
                metadata: [LogKey.file: "\(EscapedText.of(ledgerName, limit: 200))", LogKey.events: "\(loaded.count)"])
        }
        return outcomes
    }

    /// Loads the events whose parents are there now: what to book, and their positions
    /// (1-based) in `events`; nil when none could load.
    private func load(_ events: [SetAsideEvent], file: IngestFile, ledgerName: String) throws -> (FileOutcome, [Int])? {
        let bytes = events.flatMap { ($0.event ?? []) + [UInt8(ascii: "\n")] }
        guard let result = try? FileTransform.transform(file.kind, bytes: bytes, calendar: context.calendar) else { return nil }
        var omitted = Set(result.rejected.map(\.line))
        let sha256 = SHA256.hash(data: bytes).hexString
        while true {
            let lines = result.tables[0].lines.filter { !omitted.contains($0) }
            guard !lines.isEmpty else { return nil }
            switch try context.loader.load(
                result.tables, kind: file.kind, file: ledgerName, sha256: sha256, rows: lines.count, omitting: omitted, allMissing: true)
            {
            case .loaded(let inserted):
                return (.loaded(name: ledgerName, sha256: sha256, rows: inserted, setAside: 0, batch: false), lines)
            case .missingReferences(let missing):
                omitted.formUnion(missing.map(\.line))
            case .conflicting(let conflicts):
                omitted.formUnion(conflicts.map(\.line))
            case .rejected(_, _, _, let line, _):
                guard let line else { return nil }
                omitted.insert(line)
            }
        }
    }
}
