/// What one file came to in a pass. The peers that load files return it; the pass loop
/// books it (the ledger, the counts, the moves to processed/), so a peer never reaches
/// back into the loop.
enum FileOutcome: Equatable {
    /// Rows committed under `name` with `sha256`; a batch file then moves to processed/.
    case loaded(name: String, sha256: String, rows: Int, setAside: Int, batch: Bool)
    /// Nothing to load: the file only moves to processed/ (a report whose flag lists it, or
    /// a batch file the ledger has already).
    case archive(name: String, report: Bool)
    /// Already in the warehouse and staying where it is (a landed chunk), or gone since it was listed.
    case unchanged
    /// What it references can still arrive, or its flag is not there yet.
    case waiting
    /// Another worker or process holds its claim: left for a later pass.
    case inFlight
    case quarantined
}
