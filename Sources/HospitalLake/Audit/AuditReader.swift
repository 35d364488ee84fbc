import Foundation
import HospitalCore

/// Reads the files the audit needs, from batch/ and processed/, into typed rows: each file
/// once, by column name. A lake missing a kind of file the rules cannot do without, or
/// holding a file that does not parse, stops the audit with that file named.
struct AuditReader {
    let layout: LakeLayout

    func read() throws -> AuditRows {
        let paths = AuditFile.paths(in: layout)
        func files(_ file: AuditFile, orMissing what: String? = nil) throws -> [String] {
            let found = paths[file] ?? []
            if let what, found.isEmpty { throw LakeAudit.AuditError.missing(what) }
            return found
        }
        var rows = AuditRows()
        for file in [AuditFile.staff, .staffSnapshot] {
            for path in try files(file, orMissing: file == .staff ? LakeFileName.staff.name : nil) {
                let name = (path as NSString).lastPathComponent
                try scan(path, file) { rows.staff.append(StaffRow($0, file: name)) }
            }
        }
        for path in try files(.schedules, orMissing: "schedules") {
            try scan(path, .schedules) { rows.schedules.append(ScheduleRow($0)) }
        }
        for path in try files(.dailySummary) { rows.beds += try inpatientBeds(path) }
        guard !rows.beds.isEmpty else { throw LakeAudit.AuditError.missing("daily summaries with unit capacities") }
        for path in try files(.admissions, orMissing: "admissions") {
            try scan(path, .admissions) { rows.admissions.append(AdmissionRow($0)) }
        }
        for path in try files(.visitors) { try scan(path, .visitors) { rows.visits.append(VisitRow($0)) } }
        for path in try files(.transport) { try scan(path, .transport) { rows.transports.append(TransportRow($0)) } }
        for path in try files(.transfers) { try scan(path, .transfers) { _ in rows.transfers += 1 } }
        for path in try files(.population) {
            try scan(path, .population) { rows.population.append(PatientTraits($0, conditions: "assigned_issues")) }
        }
        return rows
    }

    private func scan(_ path: String, _ file: AuditFile, _ body: (NamedRecord) -> Void) throws {
        guard let columns = file.columns else { preconditionFailure("\(file) is not a CSV file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw LakeAudit.AuditError.unreadable(path, "cannot read") }
        let positions = NamedRecord.Positions(columns)
        do {
            try CSVReader.scan([UInt8](data), expecting: columns) { record in body(NamedRecord(record, positions)) }
        } catch {
            throw LakeAudit.AuditError.unreadable(path, error.description)
        }
    }

    /// The inpatient units of one daily summary with their beds and their midnight census.
    private func inpatientBeds(_ path: String) throws -> [UnitBeds] {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let units = object["units"] as? [[String: Any]]
        else { throw LakeAudit.AuditError.unreadable(path, "not a daily summary") }
        let date = (object["summary_date"] as? String).flatMap { LakeClock.minute($0) }
        return units.compactMap { unit in
            guard let name = unit["unit"] as? String, unit["care"] as? String == "Inpatient", let beds = unit["capacity"] as? Int
            else { return nil }
            return UnitBeds(unit: name, beds: beds, date: date, occupied: unit["occupied_at_midnight"] as? Int)
        }
    }
}
