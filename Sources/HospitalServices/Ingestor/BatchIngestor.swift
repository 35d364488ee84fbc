import Crypto
import Foundation
import HospitalCore
import HospitalLake
import HospitalWarehouse
import Logging

/// The batch ingestor's work: load every file it owns — `batch/` and the landed `stream/` —
/// dimensions first, each in one transaction with its ledger row; move batch files to
/// `processed/` after commit. Nothing a file holds can stop it: a bad batch file goes to
/// failed/ alone, a bad event is set aside alone (`StreamSetAside`), and a file waits while
/// what it references can still arrive.
public final class BatchIngestor {
    public struct Pass: Equatable, Sendable {
        public var loaded = 0
        public var rows = 0
        public var waiting = 0
        public var failed = 0
        public var archived = 0
        public var setAside = 0
    }

    /// Days whose admissions are in the warehouse: the ingestor's progress through the calendar.
    public var daysLoaded: Int { ledger.keys.filter { LakeFileName(name: $0)?.kind == .admissions }.count }

    let layout: LakeLayout
    private(set) var connection: PQConnection
    let schemas: WarehouseSchemas
    /// This session's stage tables, shared by every file it loads.
    let stages = StageTables()
    let topics: KafkaConfig.Topics
    let calendar: SimCalendar
    let logger: Logger
    /// SHA-256s loaded under each file name.
    private(set) var ledger: [String: Set<String>] = [:]
    private var digests: [String: (size: Int, modified: Int, sha256: String)] = [:]
    private var flags: FlagCover
    private var reconciledFlags = Set<LakeFlag>()
    private var firstPass = true
    /// Loaded files and reports waiting to move to processed/, moved together: each move
    /// costs two folder syncs, and a pass moves hundreds of small files. A crash first leaves
    /// them in batch/, where the ledger (or, for a report, its flag) moves them next time.
    private var unmoved: [String] = []
    public private(set) var total = Pass()
    /// Said once when the state had to be read from its backup.
    private var stateNote: String?

    public init(
        layout: LakeLayout, connection: PQConnection, schemas: WarehouseSchemas, topics: KafkaConfig.Topics, calendar: SimCalendar,
        logger: Logger
    ) {
        self.layout = layout
        self.connection = connection
        self.schemas = schemas
        self.topics = topics
        self.calendar = calendar
        self.logger = logger
        flags = FlagCover(layout: layout)
    }

    var quarantine: Quarantine { Quarantine(layout: layout, service: "batch-ingestor") }

    /// Applies the schema (idempotent), seeds departments and units from the configs, reads the ledger.
    public func prepare(schemaSQL: String?, config: HospitalConfig) throws {
        if let schemaSQL { try connection.executeScript(schemaSQL) }
        let operations = schemas.qualified(.operations, "departments")
        for department in config.shifts.departments {
            try connection.execute("INSERT INTO \(operations) (department) VALUES ($1) ON CONFLICT DO NOTHING", [department])
        }
        for unit in config.clinical.units {
            try connection.execute(
                "INSERT INTO \(schemas.qualified(.operations, "care_units")) (unit, care, capacity, staff_department) "
                    + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                [unit.name, unit.care, String(unit.capacity), unit.staffDepartment])
        }
        try readLedger()
    }

    /// Goes on over a new session after the old one was lost: the ledger is read again, since
    /// the transaction in flight may or may not have committed, and the ledger says which.
    public func reconnect(_ connection: PQConnection) throws {
        self.connection = connection
        stages.forget()
        try readLedger()
    }

    private func readLedger() throws {
        ledger = [:]
        for row in try connection.execute("SELECT file_name, sha256 FROM ingest.files").rows {
            ledger[row[0] ?? "", default: []].insert(row[1] ?? "")
        }
        try reconcileProcessed()
    }

    /// A batch file is moved to processed/ only after its commit, but a commit the server
    /// lost (a crash of a server that acknowledged too early, a restored backup, a new
    /// database) leaves a file there that the ledger does not know: it goes back to batch/
    /// and loads again. Reports and the outbox have no ledger rows and stay.
    func reconcileProcessed() throws {
        var moved: [String] = []
        for name in entries(layout.processed) {
            guard let file = IngestFile(name: name), file.kind != .report, ledger[name] == nil,
                LakeEntry.kind(layout.processed + "/" + name) == .regular, LakeEntry.kind(layout.batch + "/" + name) == .missing
            else { continue }
            guard rename(layout.processed + "/" + name, layout.batch + "/" + name) == 0 else {
                throw LakeError.io(path: layout.processed + "/" + name, operation: "rename to batch/", code: errno)
            }
            moved.append(name)
        }
        guard !moved.isEmpty else { return }
        LakeFolders.sync(layout.batch)
        LakeFolders.sync(layout.processed)
        logger.warning(
            "files not in the ledger loaded again",
            metadata: [LogKey.files: "\(moved.count)", LogKey.file: "\(EscapedText.of(moved[0], limit: 200))"])
    }

    /// One look at the lake: loads what can be loaded now, in load order.
    @discardableResult
    public func drainOnce(shouldStop: () -> Bool = { false }) throws -> Pass {
        var pass = Pass()
        // Names a failed pass left here are still in batch/: this pass finds them again.
        unmoved.removeAll()
        let (state, note) = SchedulerState.recover(from: layout)
        if let note, note != stateNote {
            logger.warning("scheduler state unreadable", metadata: [LogKey.reason: "\(note)"])
            stateNote = note
        }
        try quarantineStrangers(pass: &pass)
        try reportMissing(state: state, pass: &pass)
        let candidates = self.candidates()
        for (file, path) in candidates {
            if shouldStop() { break }
            try handle(file, path: path, state: state, pending: candidates, pass: &pass)
        }
        try moveUnmoved()
        if pass.loaded > 0 || firstPass {
            try retryHeld(state: state, pass: &pass)
            try StreamSetAside(ingestor: self).retry(state: state, pending: candidates.map(\.file), pass: &pass)
        }
        firstPass = false
        total.loaded += pass.loaded
        total.rows += pass.rows
        total.failed += pass.failed
        total.archived += pass.archived
        total.setAside += pass.setAside
        total.waiting = pass.waiting
        return pass
    }

    /// Regular batch files the ingestor owns and every regular landed stream file, in load order.
    func candidates() -> [(file: IngestFile, path: String)] {
        (batchCandidates() + streamCandidates()).sorted {
            ($0.file.kind, $0.file.date?.dayNumber ?? 0, $0.file.name) < ($1.file.kind, $1.file.date?.dayNumber ?? 0, $1.file.name)
        }
    }

    func batchCandidates() -> [(file: IngestFile, path: String)] {
        entries(layout.batch).compactMap { name in
            IngestFile(name: name).map { ($0, layout.batch + "/" + name) }
        }.filter { LakeEntry.kind($0.1) == .regular }
    }

    func streamCandidates() -> [(file: IngestFile, path: String)] {
        var found: [(IngestFile, String)] = []
        for topic in [topics.transport, topics.transfers, topics.summary] {
            let folder = layout.stream + "/" + topic
            for name in entries(folder) where LakeEntry.kind(folder + "/" + name) == .regular {
                if let file = IngestFile(name: name, topic: topic, topics: topics) { found.append((file, folder + "/" + name)) }
            }
        }
        return found
    }

    private func entries(_ folder: String) -> [String] {
        LakeFolders.names(in: folder)
    }

    private func handle(
        _ file: IngestFile, path: String, state: SchedulerState?, pending: [(file: IngestFile, path: String)], pass: inout Pass
    ) throws {
        guard let bytes = try? LakeEntry.read(path) else { return }  // moved or replaced since it was listed
        if let date = file.date, !covers(file, date) {
            return try reject(path, reason: "dated \(date), outside the calendar \(calendar.start)..\(calendar.end)", pass: &pass)
        }
        let sha256 = digest(path, bytes)
        let loaded = ledger[file.name] ?? []
        if loaded.contains(sha256) {
            if !file.kind.isStream { try moveLater(file.name) }
            return
        }
        if !file.kind.isStream, let previous = loaded.sorted().first {
            return try reject(
                path,
                reason: "a file of this name was loaded already (SHA-256 \(previous)); a loaded file is never replaced, "
                    + "since the warehouse only grows", pass: &pass)
        }
        if file.kind == .report {
            guard try matchesFlag(file, path: path, bytes: bytes, rows: nil, state: state, pass: &pass) else { return }
            try moveLater(file.name)
            pass.archived += 1
            return
        }
        if file.kind.isStream {
            return try StreamSetAside(ingestor: self).load(file, path: path, bytes: bytes, sha256: sha256, pending: pending, pass: &pass)
        }
        let tables: [TableRows]
        do {
            tables = try FileTransform.rows(file.kind, bytes: bytes)
        } catch {
            return try reject(path, line: error.line, column: error.column, reason: error.reason, pass: &pass)
        }
        let rows = tables.last?.rows.count ?? 0
        guard try matchesFlag(file, path: path, bytes: bytes, rows: rows, state: state, pass: &pass) else { return }
        let loader = FileLoader(connection: connection, schemas: schemas, stages: stages)
        switch try loader.load(tables, kind: file.kind, file: file.name, sha256: sha256, rows: rows) {
        case .loaded:
            record(file.name, sha256: sha256, rows: rows, pass: &pass)
            try moveLater(file.name)
        case .missingReferences(let missing):
            let first = missing[0]
            let watch = DependencyWatch(layout: layout)
            if watch.mayStillArrive(file, table: first.table, dates: file.date.map { [$0] } ?? [], pending: pending.map(\.file)) {
                pass.waiting += 1
                return
            }
            let holder = watch.quarantinedSupplier(file, table: first.table, dates: file.date.map { [$0] } ?? [])
            try reject(
                path, line: first.line, column: Self.position(of: first.column, in: file.kind, tables: tables),
                reason: "'\(first.column)' \(first.value) is not in \(first.table)" + (holder.map { " (\($0) is in failed/)" } ?? ""),
                extra: holder.map { [("held_by", $0)] } ?? [], pass: &pass)
        case .rejected(let sqlState, let constraint, let table, let line, let message):
            try reject(
                path, line: line ?? 1, column: 1,
                reason: "PostgreSQL refused it: [\(sqlState)] \(EscapedText.of(message, limit: 200))"
                    + (constraint.map { " (constraint \($0))" } ?? ""),
                extra: [("sqlstate", sqlState)] + (constraint.map { [("constraint", $0)] } ?? [])
                    + (table.map { [("table", $0)] } ?? []), pass: &pass)
        }
    }

    private func moveLater(_ name: String) throws {
        unmoved.append(name)
        if unmoved.count >= 32 { try moveUnmoved() }
    }

    private func moveUnmoved() throws {
        guard !unmoved.isEmpty else { return }
        try layout.move(batchFiles: unmoved, to: layout.processed)
        unmoved = []
    }

    /// Whether a batch file's date (a schedule's month) falls in the run's calendar.
    private func covers(_ file: IngestFile, _ date: SimDate) -> Bool {
        guard file.kind == .schedules else { return calendar.contains(date) }
        return date <= calendar.end && date.adding(days: 31) > calendar.start
    }

    /// The flag check: true when the file is what its flag lists; otherwise it waits (no
    /// flag yet) or is quarantined with both figures.
    private func matchesFlag(
        _ file: IngestFile, path: String, bytes: [UInt8], rows: Int?, state: SchedulerState?, pass: inout Pass
    ) throws -> Bool {
        switch flags.verdict(for: file.name, state: state) {
        case .notYet:
            pass.waiting += 1
            return false
        case .never(let why):
            try reject(path, reason: "no flag lists this file: \(why)", pass: &pass)
            return false
        case .listed(let listed):
            let sha256 = digest(path, bytes)
            guard listed.sha256 != sha256 else { return true }
            let have = rows.map { "\($0) rows, " } ?? ""
            let flag = LakeFileName(name: file.name)?.coveringFlag?.flag.path ?? "its flag"
            try reject(
                path,
                reason: "differs from its flag: the file has \(have)\(bytes.count) bytes, SHA-256 \(sha256); \(flag) lists "
                    + "\(listed.rows) rows, SHA-256 \(listed.sha256)", pass: &pass)
            return false
        }
    }

    /// A file's column number (1-based) of a warehouse column, for reports.
    static func position(of column: String, in kind: IngestFile.Kind, tables: [TableRows]) -> Int {
        for rows in tables {
            guard let index = rows.table.columns.firstIndex(where: { $0.name == column }) else { continue }
            let source = rows.table.columns[index].source ?? column
            return (kind.columns?.firstIndex(of: source) ?? index) + 1
        }
        return 1
    }

    func record(_ name: String, sha256: String, rows: Int, pass: inout Pass) {
        ledger[name, default: []].insert(sha256)
        pass.loaded += 1
        pass.rows += rows
        logger.info("file loaded", metadata: [LogKey.file: "\(EscapedText.of(name, limit: 200))", LogKey.fileRows: "\(rows)"])
    }

    /// Every entry of batch/ (and of stream/'s topic folders) has one owner and one shape: a
    /// name nobody owns, or an entry that is not a regular file, would wait forever. It is
    /// moved to failed/ by name, never opened.
    private func quarantineStrangers(pass: inout Pass) throws {
        for name in entries(layout.batch) {
            let path = layout.batch + "/" + name
            let kind = LakeEntry.kind(path)
            let known = IngestFile(name: name) != nil || OutboxFile(name: name) != nil
            if kind == .missing || (known && kind == .regular) { continue }
            try reject(path, reason: kind == .regular ? "not a lake file name" : "\(kind.noun), not a regular file", pass: &pass)
        }
        for topic in [topics.transport, topics.transfers, topics.summary] {
            let folder = layout.stream + "/" + topic
            for name in entries(folder) {
                let path = folder + "/" + name
                let kind = LakeEntry.kind(path)
                let known = IngestFile(name: name, topic: topic, topics: topics) != nil
                if kind == .missing || (known && kind == .regular) { continue }
                try reject(path, reason: kind == .regular ? "not a stream file name" : "\(kind.noun), not a regular file", pass: &pass)
            }
        }
    }

    /// Files a flag lists that are nowhere (not in batch/, processed/ or failed/, never
    /// loaded): deleted before they were loaded. Each is reported once in failed/.
    private func reportMissing(state: SchedulerState?, pass: inout Pass) throws {
        for flag in flags.flags() where !reconciledFlags.contains(flag) {
            guard let outputs = flags.outputs(of: flag) else { continue }
            var settled = true
            for path in outputs.keys.sorted() where path.hasPrefix("batch/") {
                let name = String(path.dropFirst("batch/".count))
                guard IngestFile(name: name) != nil, ledger[name] == nil else { continue }
                let places =
                    [layout.batch, layout.processed, layout.failed].map { $0 + "/" + name }
                    + [quarantine.reportPath(of: name)]
                if places.contains(where: { LakeEntry.kind($0) != .missing }) {
                    settled = settled && LakeEntry.kind(layout.batch + "/" + name) == .missing
                    continue
                }
                try quarantine.report(
                    name: name, file: path, reason: "listed by \(flag.path) but missing: deleted from batch/ before it was loaded",
                    extra: [("flag", flag.path)])
                logger.error("file missing", metadata: [LogKey.file: "\(EscapedText.of(path, limit: 200))"])
                pass.failed += 1
            }
            if settled { reconciledFlags.insert(flag) }
        }
    }

    /// Batch files quarantined only because a file they reference was: once that file is
    /// loaded (re-sent and accepted), they go back to batch/ for another try.
    private func retryHeld(state: SchedulerState?, pass: inout Pass) throws {
        for name in entries(layout.failed) {
            guard case .errorReport(let failedName) = LakeFileName(name: name) else { continue }
            let reportPath = layout.failed + "/" + name
            guard let bytes = try? LakeEntry.read(reportPath),
                let report = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
                let holder = report["held_by"] as? String, ledger[holder] != nil, let file = report["file"] as? String,
                file.hasPrefix("batch/")
            else { continue }
            let original = String(file.dropFirst("batch/".count))
            guard LakeEntry.kind(layout.batch + "/" + original) == .missing,
                rename(layout.failed + "/" + failedName, layout.batch + "/" + original) == 0
            else { continue }
            unlink(reportPath)
            LakeFolders.sync(layout.batch)
            LakeFolders.sync(layout.failed)
            logger.info(
                "file retried", metadata: [LogKey.file: "\(EscapedText.of(original, limit: 200))", LogKey.reason: "\(holder) loaded"])
        }
    }

    func reject(
        _ path: String, line: Int = 1, column: Int = 1, reason: String, extra: [(String, String)] = [], pass: inout Pass
    ) throws {
        logger.error(
            "file quarantined",
            metadata: [
                LogKey.file: "\(EscapedText.of(layout.relative(path), limit: 200))",
                LogKey.reason: "line \(line), column \(column): \(reason)",
            ])
        try quarantine.move(path, line: line, column: column, reason: reason, extra: extra)
        pass.failed += 1
    }

    /// SHA-256 of a file, remembered by size and modification time: stream files stay in
    /// place and are looked at on every pass.
    func digest(_ path: String, _ bytes: [UInt8]) -> String {
        var info = stat()
        let modified = lstat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec) : 0
        if let known = digests[path], known.size == bytes.count, known.modified == modified { return known.sha256 }
        let sha256 = SHA256.hash(data: bytes).hexString
        digests[path] = (bytes.count, modified, sha256)
        return sha256
    }
}
