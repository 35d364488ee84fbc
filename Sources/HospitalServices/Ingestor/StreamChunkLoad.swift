import HospitalCore
import HospitalLake

/// Loads one landed chunk. A chunk is a batch of independent events, so one bad event costs
/// that event alone: it is set aside in `failed/<chunk>.set-aside.jsonl` with its reason and
/// the rest loads. An event whose parent row (a visit, an admission, a staff member) is not
/// in the warehouse waits while the parent can still come, and is set aside for a retry
/// (`SetAsideRetry`) once it cannot. The chunk itself stays in stream/, so every landed
/// byte is kept either way.
struct StreamChunkLoad {
    let context: IngestContext

    func load(_ entry: Inbox.Entry, bytes: [UInt8], sha256: String, pending: [IngestFile]) throws -> FileOutcome {
        let file = entry.file
        guard let chunk = file.chunk else { return try context.quarantine(entry.path, .strangeName, reason: "not a stream file name") }
        let result: FileTransform.Result
        do {
            result = try FileTransform.transform(file.kind, bytes: bytes, calendar: context.calendar)
        } catch {
            return try context.quarantine(entry.path, .malformedJSON, line: error.line, column: error.column, reason: error.reason)
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        /// An event is kept beside its reason when it is a JSON object of a sane size; an
        /// over-long line stays only in its chunk, which keeps every byte anyway.
        func event(_ line: Int) -> [UInt8]? {
            guard line - 1 < lines.count, lines[line - 1].count <= CSVReader.maximumLineBytes,
                JSONLineValidator.isObject(Array(lines[line - 1]))
            else { return nil }
            return Array(lines[line - 1])
        }
        var setAside = result.rejected.map {
            SetAsideEvent(line: $0.line, column: $0.column, reason: $0.reason, retry: false, event: event($0.line))
        }
        let source = context.layout.relative(entry.path)
        let rows = result.tables[0]
        let watch = DependencyWatch(layout: context.layout)
        // A chunk is recorded in the same transaction that makes its set-aside file count, so
        // one found here, for a chunk not yet recorded, is what an attempt that lost its session
        // before committing left: written over (or removed) by this attempt, never loaded.
        var written = context.inbox.hasSetAside(chunk)
        while true {
            if !setAside.isEmpty || written {
                try SetAsideRetry.write(setAside, source: source, chunk: chunk, context: context)
                written = true
            }
            let omitted = Set(setAside.map(\.line))
            let count = rows.lines.filter { !omitted.contains($0) }.count
            switch try context.loader.load(
                result.tables, kind: file.kind, file: file.name, sha256: sha256, rows: count, omitting: omitted, allMissing: true)
            {
            case .loaded(let inserted):
                if let first = setAside.first {
                    context.logger.warning(
                        "events set aside",
                        metadata: [
                            LogKey.file: "\(EscapedText.of(source, limit: 200))", LogKey.events: "\(setAside.count)",
                            LogKey.reason: "\(first.reason)",
                        ])
                }
                return .loaded(name: file.name, sha256: sha256, rows: inserted, setAside: setAside.count, batch: false)
            case .conflicting(let conflicts):
                for conflict in conflicts {
                    setAside.append(
                        SetAsideEvent(
                            line: conflict.line, column: FileLoader.position(of: conflict.column, in: file.kind, tables: result.tables),
                            reason: "'\(conflict.column)' \(EscapedText.of(conflict.value, limit: 40)) is in the warehouse already "
                                + "with other content (stored row SHA-256 \(conflict.stored), this event's \(conflict.digest))",
                            retry: false, event: event(conflict.line)))
                }
            case .missingReferences(let missing):
                let dates = DependencyWatch.simDates(rows, lines: Set(missing.map(\.line)))
                let tables = Set(missing.map(\.table)).sorted()
                let verdicts = tables.map { watch.parents(file, table: $0, dates: dates, pending: pending) }
                if verdicts.contains(.mayStillCome) { return .waiting }
                let lost = verdicts.compactMap(\.lost).first
                var seen = Set<Int>()
                for reference in missing where seen.insert(reference.line).inserted {
                    let holder = watch.quarantinedSupplier(file, table: reference.table, dates: dates)
                    setAside.append(
                        SetAsideEvent(
                            line: reference.line, column: FileLoader.position(of: reference.column, in: file.kind, tables: result.tables),
                            reason: "'\(reference.column)' \(reference.value) is not in \(reference.table)"
                                + DependencyWatch.because(holder, lost),
                            retry: true, event: event(reference.line)))
                }
            case .rejected(let sqlState, let constraint, _, let line, let message):
                guard let line, !omitted.contains(line) else {
                    return try context.quarantine(
                        entry.path, .refused, reason: IngestContext.refusal(sqlState: sqlState, constraint: nil, message: message)
                    ) { $0.sqlState = sqlState }
                }
                setAside.append(
                    SetAsideEvent(
                        line: line, column: 1, reason: IngestContext.refusal(sqlState: sqlState, constraint: constraint, message: message),
                        retry: false, event: event(line)))
            }
            setAside.sort { $0.line < $1.line }
        }
    }
}
