import HospitalCore
import HospitalLake

/// Files a flag lists that are nowhere (not in batch/, processed/ or failed/, and never
/// loaded): deleted before they were loaded. Each is reported once in failed/, and a flag
/// whose files are all accounted for is not looked at again.
struct MissingFiles {
    private var settled = Set<LakeFlag>()

    /// Reports what is missing now; returns how many files it reported.
    mutating func report(flags: inout FlagCover, ledger: Ledger, context: IngestContext) throws -> Int {
        var reported = 0
        for flag in flags.flags() where !settled.contains(flag) {
            guard let outputs = flags.outputs(of: flag) else { continue }
            var allSettled = true
            for path in outputs.keys.sorted() where path.hasPrefix("batch/") {
                let name = String(path.dropFirst("batch/".count))
                guard IngestFile(name: name) != nil, !ledger.contains(name) else { continue }
                if context.inbox.isAnywhere(name) {
                    allSettled = allSettled && !context.inbox.isInBatch(name)
                    continue
                }
                guard try context.claim(name) else {
                    allSettled = false
                    continue
                }
                defer { try? context.release(name) }
                guard !context.inbox.isAnywhere(name) else { continue }  // reported by another worker meanwhile
                let quarantine = context.inbox.quarantine
                var report = quarantine.report(
                    .missingFile, file: path, reason: "listed by \(flag.path) but missing: deleted from batch/ before it was loaded")
                report.flag = flag.path
                try quarantine.record(name: name, report)
                context.logger.error("file missing", metadata: [LogKey.file: "\(EscapedText.of(path, limit: 200))"])
                reported += 1
            }
            if allSettled { settled.insert(flag) }
        }
        return reported
    }
}
