/// The day's summaries: `daily_summary_<D>.json` (an outbox event) and the `.txt` reports.
public struct DayReports: Sendable {
    public struct UnitLine: Sendable {
        public let unit: String
        public let care: String
        public let capacity: Int
        public let admitted: Int
        public let denied: Int
        public let occupiedAtMidnight: Int
    }

    let world: HospitalWorld
    let capacity: [Int]

    public init(world: HospitalWorld, capacity: [Int]) {
        self.world = world
        self.capacity = capacity
    }

    public func unitLines(_ day: DayEngine.Day) -> [UnitLine] {
        world.catalog.units.indices.map { unit in
            let mine = day.admissions.filter { $0.visit.unit == unit }
            let admitted = mine.filter(\.granted).count
            let inpatient = world.catalog.units[unit].isInpatient
            return UnitLine(
                unit: world.catalog.units[unit].name, care: world.catalog.units[unit].care, capacity: capacity[unit],
                admitted: admitted, denied: mine.count - admitted,
                occupiedAtMidnight: inpatient ? day.wards.occupied(unit, atEndOf: day.date) : 0)
        }
    }

    public func summaryJSON(_ day: DayEngine.Day) -> [UInt8] {
        let lines = unitLines(day)
        var json = JSONText()
        json.beginObject()
        json.member("summary_date", day.date.description)
        json.member("visitors", day.visits.count)
        json.member("admitted", day.admissions.filter(\.granted).count)
        json.member("denied", day.admissions.filter { !$0.granted }.count)
        json.member("ambulance_arrivals", day.transports.filter(\.ambulance).count)
        json.member("transfers_planned", day.admissions.filter { $0.transfer != nil }.count)
        json.key("units")
        json.beginArray()
        for line in lines {
            json.beginObject()
            json.member("unit", line.unit)
            json.member("care", line.care)
            json.member("capacity", line.capacity)
            json.member("admitted", line.admitted)
            json.member("denied", line.denied)
            json.member("occupied_at_midnight", line.occupiedAtMidnight)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.line
    }

    public func hospitalSummary(_ day: DayEngine.Day) -> [UInt8] {
        var text = ByteText()
        let admitted = day.admissions.filter(\.granted).count
        text.append("Hospital summary \(day.date)\n")
        text.append("Visitors: \(day.visits.count)\nAdmitted: \(admitted)\nDenied: \(day.admissions.count - admitted)\n")
        text.append("Unit | care | capacity | admitted | denied | occupied at midnight\n")
        for line in unitLines(day) {
            text.append("\(line.unit) | \(line.care) | \(line.capacity) | \(line.admitted) | \(line.denied) | \(line.occupiedAtMidnight)\n")
        }
        return text.bytes
    }

    public func transportReport(_ transports: [Transport], date: SimDate, session: Int) -> [UInt8] {
        var text = ByteText()
        let ambulance = transports.filter(\.ambulance).count
        text.append("Emergency transport \(date) session \(session) of \(world.config.clinical.sessionsPerDay)\n")
        text.append("Patients: \(transports.count)\nAmbulance: \(ambulance)\nPrivate: \(transports.count - ambulance)\n")
        for severity in stride(from: 5, through: 1, by: -1) {
            let count = transports.filter { world.catalog.conditions[$0.visit.condition].severity == severity }.count
            text.append("Severity \(severity): \(count)\n")
        }
        return text.bytes
    }

    public func transfersReport(_ transfers: [Transfer], date: SimDate, session: Int) -> [UInt8] {
        let clinical = world.config.clinical
        var text = ByteText()
        text.append("Patient transfers of admissions on \(date), session \(session) of \(clinical.sessionsPerDay)\n")
        text.append("Transfers: \(transfers.count)\n")
        for (index, reason) in clinical.transfers.reasons.enumerated() {
            let count = transfers.filter { $0.reason == index }.count
            if count > 0 { text.append("\(reason.name): \(count)\n") }
        }
        return text.bytes
    }
}
