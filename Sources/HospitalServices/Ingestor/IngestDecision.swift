import HospitalCore

/// The first look at a listed file, before any database work: from its name, its digest
/// and what the ledger holds under its name. Pure, so each rule is tested without a lake.
enum IngestDecision: Equatable {
    case outsideCalendar(SimDate)
    /// These bytes are in the warehouse already; a batch file only moves.
    case loadedAlready
    /// Other bytes were loaded under this name; a loaded file is never replaced.
    case replaced(previous: String)
    /// A report: archived once its flag lists it.
    case archiveReport
    case loadChunk
    case loadBatch

    static func decide(_ file: IngestFile, sha256: String, loaded: Set<String>, calendar: SimCalendar) -> IngestDecision {
        if let date = file.date, !covers(file.kind, date, calendar) { return .outsideCalendar(date) }
        if loaded.contains(sha256) { return .loadedAlready }
        // A chunk re-delivered with other events is loaded again: its events insert once each.
        if !file.kind.isStream, let previous = loaded.sorted().first { return .replaced(previous: previous) }
        switch file.kind {
        case .report: return .archiveReport
        case .transports, .transfers, .summaries: return .loadChunk
        default: return .loadBatch
        }
    }

    /// Whether a batch file must wait for a parent file this pass left unsettled (waiting, or
    /// in another worker's hands): a staff snapshot inserts the staff rows it lists as shared
    /// rows, so loaded beside the roster it would commit them first and the roster's own
    /// insert of the same rows would be refused. A parent of an earlier kind holds a child of
    /// the same day (or any child, when either has no date); chunks set their events aside
    /// instead.
    static func waitsForParent(_ file: IngestFile, unsettled: [IngestFile]) -> Bool {
        guard !file.kind.isStream else { return false }
        return unsettled.contains { parent in
            parent.kind < file.kind && file.kind.suppliers.contains(parent.kind)
                && (parent.date == nil || file.date == nil || parent.date == file.date)
        }
    }

    /// How one supplier step stands for a file whose parent rows the warehouse lacks.
    struct SupplierStep: Equatable {
        let arrival: FlagArrival
        /// Its file is in batch/ still (listed after the pass began, or not tried yet).
        let fileWaiting: Bool
    }

    /// Whether a file whose parent rows are missing waits, or is held.
    enum Parents: Equatable {
        case mayStillCome
        /// No supplier can bring them any more; `lost` names the flag that never comes, when that is why.
        case held(lost: String?)

        var lost: String? {
            guard case .held(let lost) = self else { return nil }
            return lost
        }
    }

    /// A file whose parent rows are missing waits while a supplier step may still bring them:
    /// its file still waits in batch/, or its flag may still come. Once none can, it is held
    /// with the reason, never left waiting: a flag lost for good would otherwise hold the file,
    /// every chunk with an event of that day, and the scheduler's window behind them, forever.
    static func parents(_ steps: [SupplierStep]) -> Parents {
        if steps.contains(where: { $0.fileWaiting || $0.arrival == .mayStillCome }) { return .mayStillCome }
        for step in steps { if case .never(let why) = step.arrival { return .held(lost: why) } }
        return .held(lost: nil)
    }

    /// Whether a file's date (a schedule's month) falls in the run's calendar.
    static func covers(_ kind: IngestFile.Kind, _ date: SimDate, _ calendar: SimCalendar) -> Bool {
        guard kind == .schedules else { return calendar.contains(date) }
        return date <= calendar.end && date.adding(days: 31) > calendar.start
    }
}
