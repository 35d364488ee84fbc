import HospitalWarehouse

/// Claims on lake files, held by one database session: PostgreSQL's session-level advisory
/// locks, keyed by the file's lake-relative name. Any number of ingest workers and ingestor
/// processes on one lake and database therefore handle a file one at a time, from the first
/// read to its move out of `batch/`, and a worker that dies loses its claims with its
/// session. PostgreSQL is the lock manager; there is no coordinator of ours.
final class FileClaims {
    /// Keeps these locks apart from any other advisory lock a database user might take.
    static let namespace = "hospital-ingest:"

    private var held: Set<String> = []

    /// Claims `name` for this session; false while another session holds it.
    func claim(_ name: String, on connection: PQConnection) throws -> Bool {
        if held.contains(name) { return true }
        let taken =
            try connection.execute(
                "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", [Self.namespace + name]
            ).firstValue == "t"
        if taken { held.insert(name) }
        return taken
    }

    func release(_ name: String, on connection: PQConnection) throws {
        guard held.remove(name) != nil else { return }
        try connection.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [Self.namespace + name])
    }

    /// The session ended: PostgreSQL released its locks with it.
    func forget() { held = [] }
}
