import HospitalCore

/// Decides whether a file's missing references can still arrive (so it waits) or never will
/// (so it is bad): a supplier file still in batch/, or a step that has not run yet.
struct DependencyWatch {
    let layout: LakeLayout

    func mayStillArrive(_ file: IngestFile, tables: [TableRows], pending: [IngestFile]) -> Bool {
        let suppliers = file.kind.suppliers
        if pending.contains(where: { suppliers.contains($0.kind) }) { return true }
        if suppliers.contains(.staff) || suppliers.contains(.staffActive) {
            for step in [LakeFlag.Setup.staff, .workforce] where !LakeFolders.exists(layout.path(LakeFlag.setup(step))) {
                return true
            }
        }
        for date in simDates(file, tables: tables) {
            if suppliers.contains(.visitors), !LakeFolders.exists(layout.path(LakeFlag.visitors(date))) { return true }
            if suppliers.contains(.admissions), !LakeFolders.exists(layout.path(LakeFlag.admissions(date))) { return true }
        }
        return false
    }

    /// The days a file covers: from its name, or from its events' `sim_date`.
    private func simDates(_ file: IngestFile, tables: [TableRows]) -> [SimDate] {
        if let date = file.date { return [date] }
        guard let rows = tables.first, let column = rows.table.columns.firstIndex(where: { $0.name == "sim_date" }) else { return [] }
        let texts = Set(rows.rows.compactMap { $0[column] })
        return texts.sorted().compactMap { SimDate(iso: $0) }
    }
}
