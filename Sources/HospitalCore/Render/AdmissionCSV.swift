/// `admissions_<D>.csv` and the per-session transfer outbox.
public struct AdmissionCSV: Sendable {
    public static let admitted = "Admitted"
    public static let denied = "Denied - Capacity Full"

    let world: HospitalWorld

    public init(world: HospitalWorld) { self.world = world }

    public func admissions(_ admissions: [Admission]) -> [UInt8] {
        let visits = VisitCSV(world: world)
        var text = ByteText(capacity: 320 * (admissions.count + 1))
        CSVRow.header(LakeColumns.admissions, into: &text)
        for admission in admissions {
            let visit = admission.visit
            let condition = world.catalog.conditions[visit.condition]
            var row = CSVRow()
            row.field(admission.id, into: &text)
            row.field(visit.id, into: &text)
            visits.patientFields(visit, row: &row, into: &text)
            row.field(condition.label, into: &text)
            row.field(world.catalog.units[visit.unit].care, into: &text)
            row.field(world.catalog.units[visit.unit].name, into: &text)
            row.field(world.catalog.departments[world.catalog.unitDepartment[visit.unit]], into: &text)
            row.field(timestamp: visit.arrival, into: &text)
            row.field(admission.triageMinutes, into: &text)
            row.field(timestamp: admission.granted ? admission.admitted : nil, into: &text)
            row.field(admission.granted ? Self.admitted : Self.denied, into: &text)
            row.field(admission.discharge.map { $0.date.dayNumber - admission.admitted.date.dayNumber }, into: &text)
            row.field(timestamp: admission.discharge, into: &text)
            row.field(admission.granted ? (admission.transfer == nil ? "Discharged" : "Transferred") : "", into: &text)
            row.field(admission.doctor.map(world.staffID), into: &text)
            row.field(admission.nurse.map(world.staffID), into: &text)
            row.field(condition.hospitalRemedy, into: &text)
            row.end(into: &text)
        }
        return text.bytes
    }

    public func transfers(_ transfers: [Transfer]) -> [UInt8] {
        let clinical = world.config.clinical
        var text = ByteText(capacity: 300 * (transfers.count + 1))
        CSVRow.header(LakeColumns.transfers, into: &text)
        for transfer in transfers {
            let facility = clinical.facilities[transfer.facility]
            var row = CSVRow()
            row.field(transfer.id, into: &text)
            row.field(transfer.admission, into: &text)
            VisitCSV(world: world).patientFields(
                person: transfer.person, age: transfer.age, condition: transfer.condition, detail: transfer.detail,
                row: &row, into: &text)
            row.field(world.catalog.units[transfer.unit].name, into: &text)
            row.field(timestamp: transfer.admitted, into: &text)
            row.field(timestamp: transfer.time, into: &text)
            row.field(clinical.transfers.reasons[transfer.reason].name, into: &text)
            row.field(facility.name, into: &text)
            row.field(facility.area, into: &text)
            row.field(clinical.transfers.modes[transfer.mode].name, into: &text)
            row.end(into: &text)
        }
        return text.bytes
    }
}
