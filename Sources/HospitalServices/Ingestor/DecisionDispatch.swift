import HospitalCore
import HospitalLake

/// Carries out what `IngestDecision` said of one claimed file, by handing it to the peer
/// whose work it is. A file that loads goes into the worker's open `LoadGroup`.
struct DecisionDispatch {
    let context: IngestContext

    func carryOut(
        _ decision: IngestDecision, entry: Inbox.Entry, bytes: [UInt8], sha256: String, state: SchedulerState?,
        pending: [IngestFile], flags: inout FlagCover
    ) throws -> FileOutcome {
        let file = entry.file
        switch decision {
        case .outsideCalendar(let date):
            return try context.quarantine(
                entry.path, .outsideCalendar,
                reason: "dated \(date), outside the calendar \(context.calendar.start)..\(context.calendar.end)")
        case .loadedAlready:
            return file.kind.isStream ? .unchanged : .archive(name: file.name, report: false)
        case .replaced(let previous):
            return try context.quarantine(
                entry.path, .replaced,
                reason: "a file of this name was loaded already (SHA-256 \(previous)); a loaded file is never replaced, "
                    + "since the warehouse only grows")
        case .archiveReport:
            return try BatchFileLoad(context: context).archive(entry, bytes: bytes, sha256: sha256, state: state, flags: &flags)
        case .loadChunk:
            try context.group.begin(on: context.connection)
            return try StreamChunkLoad(context: context).load(entry, bytes: bytes, sha256: sha256, pending: pending)
        case .loadBatch:
            try context.group.begin(on: context.connection)
            return try BatchFileLoad(context: context).load(
                entry, bytes: bytes, sha256: sha256, state: state, pending: pending, flags: &flags)
        }
    }
}
