import HospitalCore
import HospitalLake

/// Loads one batch file: it must be what its flag lists (rows and SHA-256), every row must
/// pass the schema's rules, and then it goes in with its ledger row in one transaction. A
/// reference the warehouse lacks makes it wait while the parent can still come, and sends
/// it to failed/ (naming the quarantined parent, if any) once it cannot.
struct BatchFileLoad {
    let context: IngestContext

    /// A report (a `.txt`) has no rows: it is archived once its flag lists it as it is.
    func archive(_ entry: Inbox.Entry, bytes: [UInt8], sha256: String, state: SchedulerState?, flags: inout FlagCover) throws
        -> FileOutcome
    {
        guard let refusal = try flagCheck(entry, bytes: bytes, sha256: sha256, rows: nil, state: state, flags: &flags) else {
            return .archive(name: entry.file.name, report: true)
        }
        return refusal
    }

    func load(
        _ entry: Inbox.Entry, bytes: [UInt8], sha256: String, state: SchedulerState?, pending: [IngestFile], flags: inout FlagCover
    ) throws -> FileOutcome {
        let file = entry.file
        let tables: [TableRows]
        do {
            tables = try FileTransform.rows(file.kind, bytes: bytes)
        } catch {
            return try context.quarantine(entry.path, .malformedCSV, line: error.line, column: error.column, reason: error.reason)
        }
        let rows = tables.last?.rows.count ?? 0
        if let refusal = try flagCheck(entry, bytes: bytes, sha256: sha256, rows: rows, state: state, flags: &flags) {
            return refusal
        }
        switch try context.loader.load(tables, kind: file.kind, file: file.name, sha256: sha256, rows: rows) {
        case .loaded:
            return .loaded(name: file.name, sha256: sha256, rows: rows, setAside: 0, batch: true)
        case .missingReferences(let missing):
            let first = missing[0]
            let watch = DependencyWatch(layout: context.layout)
            let dates = file.date.map { [$0] } ?? []
            guard case .held(let lost) = watch.parents(file, table: first.table, dates: dates, pending: pending) else { return .waiting }
            let holder = watch.quarantinedSupplier(file, table: first.table, dates: dates)
            return try context.quarantine(
                entry.path, .missingReference, line: first.line,
                column: FileLoader.position(of: first.column, in: file.kind, tables: tables),
                reason: "'\(first.column)' \(first.value) is not in \(first.table)" + DependencyWatch.because(holder, lost)
            ) { $0.heldBy = holder }
        case .conflicting:  // asked of chunks only
            return .waiting
        case .rejected(let sqlState, let constraint, let table, let line, let message):
            return try context.quarantine(
                entry.path, .refused, line: line ?? 1,
                reason: IngestContext.refusal(sqlState: sqlState, constraint: constraint, message: message)
            ) { report in
                (report.sqlState, report.constraint, report.table) = (sqlState, constraint, table)
            }
        }
    }

    /// Nil when the file is what its flag lists; otherwise what became of it: it waits (no
    /// flag yet) or is quarantined with both figures.
    private func flagCheck(
        _ entry: Inbox.Entry, bytes: [UInt8], sha256: String, rows: Int?, state: SchedulerState?, flags: inout FlagCover
    ) throws -> FileOutcome? {
        switch flags.check(entry.file.name, bytes: bytes, sha256: sha256, rows: rows, state: state) {
        case .matches: return nil
        case .notYet: return .waiting
        case .refused(let reason): return try context.quarantine(entry.path, .flagMismatch, reason: reason)
        }
    }
}
