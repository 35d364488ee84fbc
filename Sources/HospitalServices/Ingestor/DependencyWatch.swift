import HospitalCore
import HospitalLake

/// Decides whether a file's missing references can still arrive (so it waits) or never will
/// (so what holds them is refused): a supplier file still in batch/, or a step that has not
/// run yet. Departments and care units are seeded at start, so a missing one never arrives.
struct DependencyWatch {
    let layout: LakeLayout

    func mayStillArrive(_ file: IngestFile, table: String, dates: [SimDate], pending: [IngestFile]) -> Bool {
        if table == "departments" || table == "care_units" { return false }
        let suppliers = file.kind.suppliers
        if pending.contains(where: { suppliers.contains($0.kind) }) { return true }
        if suppliers.contains(.staff) || suppliers.contains(.staffActive) {
            for step in [LakeFlag.Setup.staff, .workforce] where !LakeFolders.exists(layout.path(LakeFlag.setup(step).path)) {
                return true
            }
        }
        // `pending` was listed when the pass began; the scheduler writes a day's file before its
        // flag, so a flag that appeared since may name a file now in batch/ that the pass has
        // not seen. That file is looked for, not taken as never coming.
        for date in dates {
            if suppliers.contains(.visitors), !settled(.visitors(date), .visitors(date)) { return true }
            if suppliers.contains(.admissions), !settled(.admissions(date), .admissions(date)) { return true }
        }
        return false
    }

    /// Whether a day's step is over for the ingestor: its flag is there and its file no longer
    /// waits in batch/.
    private func settled(_ flag: LakeFlag, _ file: LakeFileName) -> Bool {
        LakeFolders.exists(layout.path(flag.path)) && LakeEntry.kind(layout.batch + "/" + file.name) == .missing
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
