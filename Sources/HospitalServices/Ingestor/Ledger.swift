import HospitalCore
import HospitalWarehouse

/// What the warehouse holds, by file: the SHA-256s committed under each name in
/// `ingest.files`. It is read at start and after every reconnect (the transaction in flight
/// may or may not have committed, and the ledger says which), and kept current as the
/// worker commits. It is only ever a cache of the table: the table decides.
struct Ledger {
    private var digests: [String: Set<String>] = [:]

    static func read(_ connection: PQConnection) throws -> Ledger {
        var ledger = Ledger()
        for row in try connection.execute("SELECT file_name, sha256 FROM ingest.files").rows {
            ledger.record(row[0] ?? "", sha256: row[1] ?? "")
        }
        return ledger
    }

    /// The ledger as the table holds it, with the lake brought in line: a batch file moves to
    /// processed/ only after its commit, but a commit the server lost (a restored backup, a
    /// new database) leaves one there that the ledger does not know; it goes back to batch/
    /// and loads again.
    static func reconciled(_ context: IngestContext) throws -> Ledger {
        let ledger = try read(context.connection)
        let moved = try context.inbox.returnUnledgered { ledger.contains($0) }
        if let first = moved.first {
            context.logger.warning(
                "files not in the ledger loaded again",
                metadata: [LogKey.files: "\(moved.count)", LogKey.file: "\(EscapedText.of(first, limit: 200))"])
        }
        return ledger
    }

    func digests(of name: String) -> Set<String> { digests[name] ?? [] }

    func contains(_ name: String) -> Bool { digests[name] != nil }

    mutating func record(_ name: String, sha256: String) { digests[name, default: []].insert(sha256) }

    /// What the table holds under `name` now: another worker or process may have committed it
    /// since the ledger was read. Asked under the file's claim, so it cannot change meanwhile.
    mutating func refresh(_ name: String, from connection: PQConnection) throws {
        for row in try connection.execute("SELECT sha256 FROM ingest.files WHERE file_name = $1", [name]).rows {
            record(name, sha256: row[0] ?? "")
        }
    }

    /// Days whose admissions are in the warehouse, by file name: the ingestor's progress
    /// through the calendar (workers side by side each know part of it).
    var admissionsLoaded: Set<String> { Set(digests.keys.filter { LakeFileName(name: $0)?.kind == .admissions }) }
}
