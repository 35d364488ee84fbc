import HospitalCore
import HospitalLake

/// Decides whether a file's missing references can still arrive (so it waits) or never will
/// (so what holds them is refused, and held): a supplier file still in batch/, or a step
/// whose flag may still come (`FlagArrival`). The facts are gathered here; the decision is
/// `IngestDecision.parents`. Departments and care units are seeded at start, so a missing
/// one never arrives.
struct DependencyWatch {
    let layout: LakeLayout

    func parents(_ file: IngestFile, table: String, dates: [SimDate], pending: [IngestFile]) -> IngestDecision.Parents {
        if table == "departments" || table == "care_units" { return .held(lost: nil) }
        let suppliers = file.kind.suppliers
        if pending.contains(where: { suppliers.contains($0.kind) }) { return .mayStillCome }
        let state = SchedulerState.recover(from: layout).state
        let flags = FlagCover(layout: layout)
        // `pending` was listed when the pass began; the scheduler writes a day's file before its
        // flag, so a flag that appeared since may name a file now in batch/ that the pass has
        // not seen. That file is looked for, not taken as never coming.
        func step(_ flag: LakeFlag, _ name: LakeFileName?) -> IngestDecision.SupplierStep {
            IngestDecision.SupplierStep(
                arrival: flags.arrival(of: flag, state: state),
                fileWaiting: name.map { LakeEntry.kind(layout.batch + "/" + $0.name) != .missing } ?? false)
        }
        var steps: [IngestDecision.SupplierStep] = []
        if suppliers.contains(.staff) || suppliers.contains(.staffActive) {
            steps += [LakeFlag.Setup.staff, .workforce].map { step(.setup($0), nil) }
        }
        for date in dates {
            if suppliers.contains(.visitors) { steps.append(step(.visitors(date), .visitors(date))) }
            if suppliers.contains(.admissions) { steps.append(step(.admissions(date), .admissions(date))) }
        }
        return IngestDecision.parents(steps)
    }

    /// The supplier file in failed/ that would have held the missing row, if there is one:
    /// what a held file waits for before it is tried again.
    func quarantinedSupplier(_ file: IngestFile, table: String, dates: [SimDate]) -> String? {
        var names: [LakeFileName] = []
        switch table {
        case "staff": names = [.staff]
        case "visits", "patients", "medical_conditions": names = dates.map(LakeFileName.visitors)
        case "admissions": names = dates.map(LakeFileName.admissions)
        default: return nil
        }
        return names.map(\.name).first { LakeEntry.kind(layout.failed + "/" + $0) == .regular }
    }

    /// What a held file's or event's reason adds: the quarantined supplier, and the flag that never comes.
    static func because(_ holder: String?, _ lost: String?) -> String {
        (holder.map { " (\($0) is in failed/)" } ?? "") + (lost.map { "; " + $0 } ?? "")
    }

    /// The days named by rows' `sim_date`, for events that carry no date in their file name.
    static func simDates(_ rows: TableRows, lines: Set<Int>) -> [SimDate] {
        guard let column = rows.table.columns.firstIndex(where: { $0.name == "sim_date" }) else { return [] }
        var texts = Set<String>()
        for (row, line) in zip(rows.rows, rows.lines) where lines.contains(line) {
            if let text = row[column] { texts.insert(text) }
        }
        return texts.sorted().compactMap { SimDate(iso: $0) }
    }
}
