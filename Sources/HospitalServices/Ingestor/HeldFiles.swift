import HospitalCore
import HospitalLake

/// Batch files quarantined only because a file they reference was: once that file is
/// loaded (sent again and accepted), they go back to batch/ for another try.
struct HeldFiles {
    let context: IngestContext

    /// The batch name a held file goes back to, when what held it is loaded now.
    static func release(_ held: Inbox.Held, ledger: Ledger) -> String? {
        guard let holder = held.report.heldBy, ledger.contains(holder), held.report.file.hasPrefix("batch/") else { return nil }
        return String(held.report.file.dropFirst("batch/".count))
    }

    func retry(ledger: Ledger) {
        for held in context.inbox.quarantined() {
            guard let original = Self.release(held, ledger: ledger), context.inbox.release(held, as: original) else { continue }
            context.logger.info(
                "file retried",
                metadata: [LogKey.file: "\(EscapedText.of(original, limit: 200))", LogKey.reason: "\(held.report.heldBy ?? "") loaded"])
        }
    }
}
