import Crypto
import Foundation
import HospitalCore
import HospitalLake

/// A landed stream chunk is a batch of independent events, so one bad event costs that event
/// alone: it is set aside in `failed/<chunk>.set-aside.jsonl`, one line per event with its
/// reason, and the rest of the chunk loads. An event set aside because its parent row (a
/// visit, an admission, a staff member) is not in the warehouse is tried again whenever a
/// pass loads something; once every event of the file is in, the file goes. The chunk itself
/// stays in stream/, so the original bytes of every event are kept either way.
struct StreamSetAside {
    /// One event set aside: where it was, why, and whether a later pass may load it.
    struct Entry {
        let line: Int
        let column: Int
        let reason: String
        let retry: Bool
        /// The event's own bytes when it is a JSON object.
        let event: [UInt8]?
    }

    let ingestor: BatchIngestor
    var layout: LakeLayout { ingestor.layout }

    func load(
        _ file: IngestFile, path: String, bytes: [UInt8], sha256: String, pending: [(file: IngestFile, path: String)],
        pass: inout BatchIngestor.Pass
    ) throws {
        let result: FileTransform.Result
        do {
            result = try FileTransform.transform(file.kind, bytes: bytes, calendar: ingestor.calendar)
        } catch {
            return try ingestor.reject(path, line: error.line, column: error.column, reason: error.reason, pass: &pass)
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        /// An event is kept beside its reason when it is a JSON object of a sane size; an
        /// over-long line stays only in its chunk, which keeps every byte anyway.
        func eventBytes(_ line: Int) -> [UInt8]? {
            guard line - 1 < lines.count, lines[line - 1].count <= CSVReader.maximumLineBytes,
                JSONLineValidator.isObject(lines[line - 1])
            else { return nil }
            return lines[line - 1]
        }
        var entries = result.rejected.map {
            Entry(line: $0.line, column: $0.column, reason: $0.reason, retry: false, event: eventBytes($0.line))
        }
        let source = layout.relative(path)
        let rows = result.tables[0]
        let loader = FileLoader(connection: ingestor.connection, schemas: ingestor.schemas, stages: ingestor.stages)
        let watch = DependencyWatch(layout: layout)
        // A chunk is recorded in the same transaction that makes its set-aside file count, so
        // one found here, for a chunk not yet recorded, is what an attempt that lost its session
        // before committing left: written over (or removed) by this attempt, never loaded.
        guard let chunk = file.chunk else { return try ingestor.reject(path, reason: "not a stream file name", pass: &pass) }
        var written = LakeEntry.kind(layout.failed + "/" + LakeFileName.setAside(chunk).name) != .missing
        while true {
            if !entries.isEmpty || written {
                try write(entries, source: source, chunk: chunk)
                written = true
            }
            let omitted = Set(entries.map(\.line))
            let count = rows.lines.filter { !omitted.contains($0) }.count
            switch try loader.load(
                result.tables, kind: file.kind, file: file.name, sha256: sha256, rows: count, omitting: omitted, allMissing: true)
            {
            case .loaded:
                ingestor.record(file.name, sha256: sha256, rows: count, pass: &pass)
                pass.setAside += entries.count
                if !entries.isEmpty {
                    ingestor.logger.warning(
                        "events set aside",
                        metadata: [
                            LogKey.file: "\(EscapedText.of(source, limit: 200))", LogKey.events: "\(entries.count)",
                            LogKey.reason: "\(entries[0].reason)",
                        ])
                }
                return
            case .missingReferences(let missing):
                let missingLines = Set(missing.map(\.line))
                let dates = DependencyWatch.simDates(rows, lines: missingLines)
                let tables = Set(missing.map(\.table)).sorted()
                if tables.contains(where: { watch.mayStillArrive(file, table: $0, dates: dates, pending: pending.map(\.file)) }) {
                    pass.waiting += 1
                    return
                }
                var seen = Set<Int>()
                for reference in missing where seen.insert(reference.line).inserted {
                    let holder = watch.quarantinedSupplier(file, table: reference.table, dates: dates)
                    entries.append(
                        Entry(
                            line: reference.line,
                            column: BatchIngestor.position(of: reference.column, in: file.kind, tables: result.tables),
                            reason: "'\(reference.column)' \(reference.value) is not in \(reference.table)"
                                + (holder.map { " (\($0) is in failed/)" } ?? ""),
                            retry: true, event: eventBytes(reference.line)))
                }
            case .rejected(let sqlState, let constraint, _, let line, let message):
                guard let line, !omitted.contains(line) else {
                    return try ingestor.reject(
                        path, reason: "PostgreSQL refused it: [\(sqlState)] \(EscapedText.of(message, limit: 200))",
                        extra: [("sqlstate", sqlState)], pass: &pass)
                }
                entries.append(
                    Entry(
                        line: line, column: 1,
                        reason: "PostgreSQL refused it: [\(sqlState)] \(EscapedText.of(message, limit: 200))"
                            + (constraint.map { " (constraint \($0))" } ?? ""),
                        retry: false, event: eventBytes(line)))
            }
            entries.sort { $0.line < $1.line }
        }
    }

    /// Writes (or, with no entries, removes) the set-aside file of a chunk and its report.
    private func write(_ entries: [Entry], source: String, chunk: StreamChunkName) throws {
        let name = LakeFileName.setAside(chunk).name
        let path = layout.failed + "/" + name
        guard let first = entries.first else {
            unlink(path)
            unlink(ingestor.quarantine.reportPath(of: name))
            return
        }
        var text: [UInt8] = []
        for entry in entries {
            var json = JSONText()
            json.beginObject()
            json.member("file", source)
            json.member("line", entry.line)
            json.member("column", entry.column)
            json.member("reason", entry.reason)
            json.key("retry")
            json.bool(entry.retry)
            if let event = entry.event {
                json.key("event")
                json.raw(event)
            }
            json.endObject()
            text += json.line
        }
        try LakeFile.write(text, rows: entries.count, to: path)
        let report = ingestor.quarantine.document(
            file: source, line: first.line, column: first.column,
            reason: "\(entries.count) event(s) set aside in failed/\(name), the first: \(first.reason)",
            extra: [("set_aside", String(entries.count))])
        try LakeFile.write(report, to: ingestor.quarantine.reportPath(of: name))
    }

    /// Tries the events set aside for a missing parent again.
    func retry(state: SchedulerState?, pending: [IngestFile], pass: inout BatchIngestor.Pass) throws {
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: layout.failed)) ?? []).sorted() {
            guard case .setAside(let chunk) = LakeFileName(name: name),
                let file = IngestFile(name: LakeFileName.streamChunk(chunk).name, topic: chunk.topic, topics: ingestor.topics)
            else { continue }
            let source = "stream/\(chunk.topic)/\(file.name)"
            let path = layout.failed + "/" + name
            guard LakeEntry.kind(path) == .regular, let bytes = try? LakeEntry.read(path) else { continue }
            var entries: [Entry] = []
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                    object["file"] is String, let number = object["line"] as? Int, let column = object["column"] as? Int,
                    let reason = object["reason"] as? String
                else { continue }
                let retry = object["retry"] as? Bool ?? false
                entries.append(Entry(line: number, column: column, reason: reason, retry: retry, event: Self.event(in: Array(line))))
            }
            let retrying = entries.filter { $0.retry && $0.event != nil }
            guard !retrying.isEmpty else { continue }
            let loadedLines = try load(retrying, file: file, ledgerName: "failed/" + name, pending: pending, pass: &pass)
            guard !loadedLines.isEmpty else { continue }
            let loaded = Set(loadedLines.map { retrying[$0 - 1].line })
            try write(entries.filter { !($0.retry && loaded.contains($0.line)) }, source: source, chunk: chunk)
            ingestor.logger.info(
                "set-aside events loaded", metadata: [LogKey.file: "\(EscapedText.of(name, limit: 200))", LogKey.events: "\(loaded.count)"])
        }
    }

    /// Loads the events whose parents are there now; returns their positions (1-based) in `entries`.
    private func load(_ entries: [Entry], file: IngestFile, ledgerName: String, pending: [IngestFile], pass: inout BatchIngestor.Pass)
        throws -> [Int]
    {
        let bytes = entries.flatMap { $0.event! + [UInt8(ascii: "\n")] }
        guard let result = try? FileTransform.transform(file.kind, bytes: bytes, calendar: ingestor.calendar) else { return [] }
        var omitted = Set(result.rejected.map(\.line))
        let loader = FileLoader(connection: ingestor.connection, schemas: ingestor.schemas, stages: ingestor.stages)
        let sha256 = SHA256.hash(data: bytes).hexString
        while true {
            let lines = result.tables[0].lines.filter { !omitted.contains($0) }
            guard !lines.isEmpty else { return [] }
            switch try loader.load(
                result.tables, kind: file.kind, file: ledgerName, sha256: sha256, rows: lines.count, omitting: omitted, allMissing: true)
            {
            case .loaded:
                ingestor.record(ledgerName, sha256: sha256, rows: lines.count, pass: &pass)
                return lines
            case .missingReferences(let missing):
                omitted.formUnion(missing.map(\.line))
            case .rejected(_, _, _, let line, _):
                guard let line else { return [] }
                omitted.insert(line)
            }
        }
    }

    /// The raw bytes after `"event":` in a line this type wrote (the member is written last).
    static func event(in line: [UInt8]) -> [UInt8]? {
        let marker = Array(",\"event\":".utf8)
        guard line.count > marker.count + 1, line.last == UInt8(ascii: "}") else { return nil }
        var index = 0
        while index + marker.count <= line.count {
            if line[index] == marker[0], Array(line[index..<index + marker.count]) == marker {
                let event = Array(line[(index + marker.count)..<(line.count - 1)])
                // The marker could appear inside a reason; the event is the part that parses.
                if JSONLineValidator.isObject(event) { return event }
            }
            index += 1
        }
        return nil
    }
}
