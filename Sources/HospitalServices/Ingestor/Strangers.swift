import HospitalLake

/// Entries of `batch/` and the stream folders that nobody owns or that are not regular
/// files would wait forever: each goes to failed/ by name, never opened, under a claim on
/// its path so that two workers never move the same one.
struct Strangers {
    let context: IngestContext

    func sweep() throws -> [FileOutcome] {
        var outcomes: [FileOutcome] = []
        for stranger in context.inbox.strangers() {
            let claim = context.layout.relative(stranger.path)
            guard try context.claim(claim) else { continue }
            defer { try? context.release(claim) }
            // Not moved by another worker between the listing and the claim.
            guard LakeEntry.kind(stranger.path) != .missing else { continue }
            outcomes.append(try context.quarantine(stranger.path, stranger.problem, reason: stranger.reason))
        }
        return outcomes
    }
}
