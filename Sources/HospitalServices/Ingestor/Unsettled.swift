import HospitalCore
import HospitalWarehouse

/// The files of a pass a child must not pass by: those waiting here, and those another
/// worker held when this pass came to them (`IngestDecision.waitsForParent`). A file held
/// elsewhere may commit while this pass goes on; before a child waits for one, the ledger
/// is asked again, so workers side by side load each other's children in the same pass
/// instead of leaving them, and their cores, for the next.
struct Unsettled {
    private var files: [IngestFile] = []
    private var heldElsewhere: Set<String> = []

    mutating func add(_ file: IngestFile, _ outcome: FileOutcome) {
        guard outcome == .waiting || outcome == .inFlight else { return }
        files.append(file)
        if outcome == .inFlight { heldElsewhere.insert(file.name) }
    }

    /// Whether `file` waits for a parent still unsettled. A parent's ledger row commits with
    /// its rows, so a parent found in the ledger is settled.
    mutating func holds(_ file: IngestFile, ledger: inout Ledger, connection: PQConnection) throws -> Bool {
        guard IngestDecision.waitsForParent(file, unsettled: files) else { return false }
        let parents = files.filter { heldElsewhere.contains($0.name) && IngestDecision.waitsForParent(file, unsettled: [$0]) }
        var settled: Set<String> = []
        for parent in parents {
            try ledger.refresh(parent.name, from: connection)
            if ledger.contains(parent.name) { settled.insert(parent.name) }
        }
        guard !settled.isEmpty else { return true }
        files.removeAll { settled.contains($0.name) }
        heldElsewhere.subtract(settled)
        return IngestDecision.waitsForParent(file, unsettled: files)
    }
}
