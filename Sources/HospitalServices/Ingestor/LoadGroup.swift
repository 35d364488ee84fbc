import HospitalWarehouse

/// Several files loaded in one transaction, each under its own savepoint: a commit waits
/// for the disk, and one per small daily file was most of a file's time. A file's load is
/// not final until the group commits, so its outcome waits here, its claim stays held and
/// it stays in `batch/`; after a commit the pass books it. A session lost before the commit
/// rolls the whole group back, and its files simply load again (the ledger decides).
final class LoadGroup {
    /// A group commits once it holds this many rows or files.
    static let rowLimit = 50_000
    static let fileLimit = 64

    private var loaded: [FileOutcome] = []
    private var rows = 0

    /// Opens the group's transaction, unless one is open.
    func begin(on connection: PQConnection) throws {
        if !connection.isInTransaction { try connection.execute("BEGIN") }
    }

    /// A file loaded inside the group; true when the group should commit now. A file that
    /// inserts shared rows (`sharing`) is loaded alone (the pass commits the group before it,
    /// too): another worker inserting the same patient waits for the commit of the row it
    /// found, and should wait for one file, not a group, nor deadlock against the group.
    func add(_ outcome: FileOutcome, sharing: Bool) -> Bool {
        loaded.append(outcome)
        if case .loaded(_, _, let count, _, _) = outcome { rows += count }
        return sharing || rows >= Self.rowLimit || loaded.count >= Self.fileLimit
    }

    /// Whether `name` waits for the group's commit (its claim must stay held).
    func holds(_ name: String) -> Bool {
        loaded.contains { if case .loaded(let loaded, _, _, _, _) = $0 { loaded == name } else { false } }
    }

    /// Commits the group: the outcomes it held are now true, for the pass to book.
    func commit(on connection: PQConnection, stages: StageTables) throws -> [FileOutcome] {
        if connection.isInTransaction { try connection.commit() }
        stages.emptied()
        defer { (loaded, rows) = ([], 0) }
        return loaded
    }
}
