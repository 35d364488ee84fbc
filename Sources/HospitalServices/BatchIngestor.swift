import Crypto
import Foundation
import HospitalCore
import HospitalWarehouse
import Logging

/// The batch ingestor's work (DESIGN §7): load every file it owns — `batch/` and the landed
/// `stream/` — dimensions first, each in one transaction with its ledger row; move batch files
/// to `processed/` after commit; quarantine bad files; let a file whose references are not
/// loaded yet wait until they can still arrive, and fail it when they cannot.
public final class BatchIngestor {
    public struct Pass: Equatable, Sendable {
        public var loaded = 0
        public var rows = 0
        public var waiting = 0
        public var failed = 0
        public var archived = 0
    }

    /// Days whose admissions are in the warehouse: the ingestor's progress through the calendar.
    public var daysLoaded: Int { ledger.filter { $0.hasPrefix("admissions_") }.count }

    let layout: LakeLayout
    let connection: PQConnection
    let schemas: WarehouseSchemas
    let topics: KafkaConfig.Topics
    let logger: Logger
    private var ledger = Set<String>()
    private var digests: [String: (size: Int, modified: Int, sha256: String)] = [:]
    public private(set) var total = Pass()

    public init(layout: LakeLayout, connection: PQConnection, schemas: WarehouseSchemas, topics: KafkaConfig.Topics, logger: Logger) {
        self.layout = layout
        self.connection = connection
        self.schemas = schemas
        self.topics = topics
        self.logger = logger
    }

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
        for row in try connection.execute("SELECT file_name, sha256 FROM ingest.files").rows {
            ledger.insert((row[0] ?? "") + "\t" + (row[1] ?? ""))
        }
    }

    /// One look at the lake: loads what can be loaded now, in load order.
    @discardableResult
    public func drainOnce(shouldStop: () -> Bool = { false }) throws -> Pass {
        var pass = Pass()
        try quarantineStrangers(pass: &pass)
        let candidates = self.candidates()
        for (file, path) in candidates {
            if shouldStop() { break }
            try handle(file, path: path, pending: candidates, pass: &pass)
        }
        total.loaded += pass.loaded
        total.rows += pass.rows
        total.failed += pass.failed
        total.archived += pass.archived
        total.waiting = pass.waiting
        return pass
    }

    /// Batch files the ingestor owns and every landed stream file, in load order.
    func candidates() -> [(file: IngestFile, path: String)] {
        (batchCandidates() + streamCandidates()).sorted {
            ($0.file.kind, $0.file.date?.dayNumber ?? 0, $0.file.name) < ($1.file.kind, $1.file.date?.dayNumber ?? 0, $1.file.name)
        }
    }

    /// Batch files the ingestor owns.
    func batchCandidates() -> [(file: IngestFile, path: String)] {
        var found: [(IngestFile, String)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: layout.batch)) ?? [] {
            if let file = IngestFile(name: name) { found.append((file, layout.batch + "/" + name)) }
        }
        return found
    }

    /// Stream files of the configured topics.
    func streamCandidates() -> [(file: IngestFile, path: String)] {
        var found: [(IngestFile, String)] = []
        for topic in [topics.transport, topics.transfers, topics.summary] {
            let folder = layout.stream + "/" + topic
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                if let file = IngestFile(name: name, topic: topic, topics: topics) { found.append((file, folder + "/" + name)) }
            }
        }
        return found
    }

    private func handle(_ file: IngestFile, path: String, pending: [(file: IngestFile, path: String)], pass: inout Pass) throws {
        if file.kind == .report {
            try layout.move(batchFile: file.name, to: layout.processed)
            pass.archived += 1
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let bytes = [UInt8](data)
        let sha256 = digest(path, bytes)
        if ledger.contains(file.name + "\t" + sha256) {
            if !file.kind.isStream { try layout.move(batchFile: file.name, to: layout.processed) }
            return
        }
        let tables: [TableRows]
        do {
            tables = try FileTransform.rows(file.kind, bytes: bytes)
        } catch {
            try quarantine(path, line: error.line, column: error.column, reason: error.reason, pass: &pass)
            return
        }
        let rows = tables.first?.rows.count ?? 0
        let target = tables.map { schemas.qualified($0.table) }.joined(separator: ",")
        let loader = FileLoader(connection: connection, schemas: schemas)
        switch try loader.loadOrReport(tables, file: file.name, sha256: sha256, rows: rows, target: target) {
        case .loaded:
            ledger.insert(file.name + "\t" + sha256)
            if !file.kind.isStream { try layout.move(batchFile: file.name, to: layout.processed) }
            pass.loaded += 1
            pass.rows += rows
            logger.info("file loaded", metadata: [LogKey.file: "\(file.name)", LogKey.fileRows: "\(rows)"])
        case .missingReference(let line, let column, let value, let table):
            if DependencyWatch(layout: layout).mayStillArrive(file, tables: tables, pending: pending.map(\.file)) {
                pass.waiting += 1
                return
            }
            let position =
                tables.first.flatMap { rows in
                    let source = rows.table.columns.first { $0.name == column }?.source ?? column
                    return file.kind.columns?.firstIndex(of: source) ?? rows.table.columns.firstIndex { $0.name == column }
                } ?? 0
            try quarantine(path, line: line, column: position + 1, reason: "'\(column)' \(value) is not in \(table)", pass: &pass)
        }
    }

    /// Every batch file has one owner: a name neither the ingestor nor the producer knows is
    /// no lake file, and waiting for it would be forever.
    private func quarantineStrangers(pass: inout Pass) throws {
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: layout.batch)) ?? []).sorted()
        where IngestFile(name: name) == nil && OutboxFile(name: name) == nil && !name.hasSuffix(".tmp") {
            try quarantine(layout.batch + "/" + name, line: 1, column: 1, reason: "not a lake file name", pass: &pass)
        }
    }

    private func quarantine(_ path: String, line: Int, column: Int, reason: String, pass: inout Pass) throws {
        logger.error(
            "file quarantined",
            metadata: [LogKey.file: "\(layout.relative(path))", LogKey.reason: "line \(line), column \(column): \(reason)"])
        try Quarantine(layout: layout).move(path, line: line, column: column, reason: reason)
        pass.failed += 1
    }

    /// SHA-256 of a file, remembered by size and modification time: stream files stay in
    /// place and are looked at on every pass.
    private func digest(_ path: String, _ bytes: [UInt8]) -> String {
        var info = stat()
        let modified = stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec) : 0
        if let known = digests[path], known.size == bytes.count, known.modified == modified { return known.sha256 }
        let sha256 = SHA256.hash(data: bytes).hexString
        digests[path] = (bytes.count, modified, sha256)
        return sha256
    }
}
