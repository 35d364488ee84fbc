/// `daily_visitors_<D>.csv` and the per-session transport outbox.
public struct VisitCSV: Sendable {
    let world: HospitalWorld

    public init(world: HospitalWorld) { self.world = world }

    public func visitors(_ visits: [Visit]) -> [UInt8] {
        var text = ByteText(capacity: 200 * (visits.count + 1))
        CSVRow.header(LakeColumns.visitors, into: &text)
        for visit in visits {
            let condition = world.catalog.conditions[visit.condition]
            var row = CSVRow()
            row.field(visit.id, into: &text)
            patientFields(visit, row: &row, into: &text)
            row.field(condition.label, into: &text)
            row.field(world.catalog.units[visit.unit].care, into: &text)
            row.field(world.catalog.units[visit.unit].name, into: &text)
            row.field(timestamp: visit.arrival, into: &text)
            row.field(visit.session, into: &text)
            row.field(visit.reason.rawValue, into: &text)
            row.end(into: &text)
        }
        return text.bytes
    }

    public func transports(_ transports: [Transport]) -> [UInt8] {
        var text = ByteText(capacity: 260 * (transports.count + 1))
        CSVRow.header(LakeColumns.transport, into: &text)
        for transport in transports {
            let visit = transport.visit
            let condition = world.catalog.conditions[visit.condition]
            var row = CSVRow()
            row.field(transport.id, into: &text)
            row.field(visit.id, into: &text)
            patientFields(visit, row: &row, into: &text)
            row.field(condition.label, into: &text)
            row.field(timestamp: visit.arrival, into: &text)
            row.field(transport.ambulance ? "Ambulance" : "Private", into: &text)
            row.field(world.catalog.units[visit.unit].name, into: &text)
            row.field(transport.paramedic.map(world.staffID), into: &text)
            row.field(transport.physician.map(world.staffID), into: &text)
            row.field(transport.nurse.map(world.staffID), into: &text)
            row.field(condition.emtRemedy, into: &text)
            row.field(notes(transport), into: &text)
            row.end(into: &text)
        }
        return text.bytes
    }

    /// patient id, names, gender, age, condition and severity: the columns every patient file shares.
    func patientFields(_ visit: Visit, row: inout CSVRow, into text: inout ByteText) {
        patientFields(person: visit.person, age: visit.age, condition: visit.condition, detail: visit.detail, row: &row, into: &text)
    }

    func patientFields(person: Int, age: Int, condition: Int, detail: Int?, row: inout CSVRow, into text: inout ByteText) {
        let population = world.population
        row.field(world.personID(person), into: &text)
        row.field(world.names.first(population, person), into: &text)
        row.field(world.names.surname(population, person), into: &text)
        row.field(world.names.gender(population, person), into: &text)
        row.field(age, into: &text)
        row.field(world.conditionText(condition, detail: detail), into: &text)
        row.field(world.catalog.conditions[condition].severity, into: &text)
    }

    private func notes(_ transport: Transport) -> String {
        guard transport.ambulance else { return "Arrived by private transport" }
        var note = "Ambulance"
        if transport.paramedic == nil { note += "; no EMT on duty" }
        if transport.physician != nil { note += "; senior doctor attending" }
        return note
    }
}
