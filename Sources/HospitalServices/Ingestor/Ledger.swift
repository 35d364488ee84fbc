import HospitalCore
import HospitalWarehouse

/// What the warehouse holds, by file: the SHA-256s committed under each name in
/// `ingest.files`. It is read at start and after every reconnect (the transaction in flight
/// may or may not have committed, and the ledger says which), and kept current as the
/// worker commits. It is only ever a cache of the table: the table decides, and a table
/// that is not the one it was read from (`WarehouseIdentity`) makes the worker read it anew.
struct Ledger {
    private var digests: [String: Set<String>] = [:]
    /// The warehouse it was read from, and how many (name, SHA-256) rows it knows.
    private(set) var identity = WarehouseIdentity(id: nil, rows: 0)

    static func read(_ connection: PQConnection) throws -> Ledger {
        var ledger = Ledger()
        let identity = try WarehouseIdentity.read(connection)
        for row in try connection.execute("SELECT file_name, sha256 FROM ingest.files").rows {
            ledger.record(row[0] ?? "", sha256: row[1] ?? "")
        }
        ledger.identity.id = identity.id
        return ledger
    }

    /// The ledger as the table holds it, with the lake brought in line: a batch file moves to
    /// processed/ only after its commit, but a commit the server lost (a restored backup, a
    /// new database) leaves one there that the ledger does not know; it goes back to batch/
    /// and loads again. Departments and care units are seeded first, as at start: a new
    /// warehouse has none. A warehouse that is not the one `previous` was read from is said.
    static func reconciled(_ context: IngestContext, seed: HospitalConfig?, previous: Ledger? = nil) throws -> Ledger {
        if let seed { try WarehouseSeed.apply(seed, schemas: context.schemas, on: context.connection) }
        let ledger = try read(context.connection)
        if let change = previous.flatMap({ $0.identity.change(to: ledger.identity) }) {
            context.logger.warning("warehouse replaced; reconciling the lake with its ledger", metadata: [LogKey.reason: "\(change)"])
        }
        let moved = try context.inbox.returnUnledgered { ledger.contains($0) }
        if let first = moved.first {
            context.logger.warning(
                "files not in the ledger loaded again",
                metadata: [LogKey.files: "\(moved.count)", LogKey.file: "\(EscapedText.of(first, limit: 200))"])
        }
        return ledger
    }

    /// This ledger while the warehouse is still the one it was read from; otherwise the new
    /// warehouse's, reconciled as at start.
    func current(_ context: IngestContext, seed: HospitalConfig?) throws -> Ledger {
        guard identity.change(to: try WarehouseIdentity.read(context.connection)) != nil else { return self }
        return try Self.reconciled(context, seed: seed, previous: self)
    }

    func digests(of name: String) -> Set<String> { digests[name] ?? [] }

    func contains(_ name: String) -> Bool { digests[name] != nil }

    mutating func record(_ name: String, sha256: String) {
        if digests[name, default: []].insert(sha256).inserted { identity.rows += 1 }
    }

    /// What the table holds under `name` now: another worker or process may have committed it
    /// since the ledger was read, or the warehouse may have been replaced since this worker's
    /// pass began (another worker then returned the file to batch/), so the table's answer
    /// replaces the cached one. Asked under the file's claim, so it cannot change meanwhile.
    mutating func refresh(_ name: String, from connection: PQConnection) throws {
        let known = digests(of: name)
        let now = Set(try connection.execute("SELECT sha256 FROM ingest.files WHERE file_name = $1", [name]).rows.map { $0[0] ?? "" })
        guard now != known else { return }
        identity.rows += now.count - known.count
        digests[name] = now.isEmpty ? nil : now
    }

    /// Days whose admissions are in the warehouse, by file name: the ingestor's progress
    /// through the calendar (workers side by side each know part of it).
    var admissionsLoaded: Set<String> { Set(digests.keys.filter { LakeFileName(name: $0)?.kind == .admissions }) }
}
