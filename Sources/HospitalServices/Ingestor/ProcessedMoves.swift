/// Loaded files and reports waiting to move to processed/, moved together: each move costs
/// two folder syncs, and a pass moves hundreds of small files. A crash first leaves them in
/// batch/, where the ledger (or, for a report, its flag) moves them next time. Each keeps
/// its claim until it has moved, so no other worker reads it meanwhile.
final class ProcessedMoves {
    private var names: [String] = []

    func contains(_ name: String) -> Bool { names.contains(name) }

    func add(_ name: String, context: IngestContext) throws {
        names.append(name)
        if names.count >= 32 { try move(context: context) }
    }

    /// Moves what waits, then gives up the claims held until the move.
    func move(context: IngestContext) throws {
        try context.inbox.archive(names)
        for name in names { try context.release(name) }
        names = []
    }

    /// A failed pass or a lost session: what waited is still in batch/, and is found again.
    func forget() { names = [] }
}
