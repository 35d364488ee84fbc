/// The staff files: the initial roster, the reserve pool, and each workforce step's snapshot
/// and summary.
public struct StaffCSV: Sendable {
    let world: HospitalWorld

    public init(world: HospitalWorld) { self.world = world }

    public func staffData() -> (bytes: [UInt8], rows: Int) {
        var text = ByteText(capacity: world.initialStaff.count * 180)
        CSVRow.header(LakeColumns.staff, into: &text)
        for member in world.initialStaff {
            var row = CSVRow()
            memberFields(member, on: world.calendar.start, row: &row, into: &text)
            row.field("active", into: &text)
            row.end(into: &text)
        }
        return (text.bytes, world.initialStaff.count)
    }

    public func reservePool() -> (bytes: [UInt8], rows: Int) {
        var text = ByteText(capacity: world.reserve.count * 120)
        CSVRow.header(LakeColumns.reserve, into: &text)
        let start = world.calendar.start
        for member in world.reserve {
            var row = CSVRow()
            personFields(member.person, on: start, row: &row, into: &text)
            row.field(hundredths: member.quarters * 25, into: &text)
            row.field(world.experience.name(quarters: member.quarters), into: &text)
            row.end(into: &text)
        }
        return (text.bytes, world.reserve.count)
    }

    public func snapshot(_ step: WorkforceSimulator.Step) -> (bytes: [UInt8], rows: Int) {
        let active = world.workforce.active(on: step.date)
        var text = ByteText(capacity: active.count * 190)
        CSVRow.header(LakeColumns.staffActive, into: &text)
        for serial in active {
            var row = CSVRow()
            row.field(date: step.date, into: &text)
            memberFields(world.workforce.staff[serial], on: step.date, row: &row, into: &text)
            row.end(into: &text)
        }
        return (text.bytes, active.count)
    }

    public func summary(_ step: WorkforceSimulator.Step) -> [UInt8] {
        let staff = world.workforce.staff
        let active = world.workforce.active(on: step.date)
        var text = ByteText()
        text.append("Workforce step \(step.date)\n")
        text.append("Active staff: \(active.count)\n")
        let byAge = step.retired.filter { staff[$0].retirementReason == .age }.count
        text.append("Retired: \(step.retired.count) (age \(byAge), long service \(step.retired.count - byAge))\n")
        text.append("Hired from reserve: \(step.hired.count)\n")
        text.append("Reserve pool left: \(step.reserveLeft)\n")
        text.append("Active by group:\n")
        for (group, name) in world.catalog.groups.enumerated() {
            let count = active.filter { world.catalog.roleGroup[staff[$0].role] == group }.count
            text.append("  \(name): \(count)\n")
        }
        for serial in step.retired {
            let member = staff[serial]
            text.append("Retired \(world.staffID(serial)) \(world.catalog.roles[member.role]), ")
            text.append("\(world.catalog.departments[member.department]) (\(member.retirementReason?.rawValue ?? ""))\n")
        }
        for serial in step.hired {
            let member = staff[serial]
            text.append("Hired \(world.staffID(serial)) \(world.catalog.roles[member.role]), ")
            text.append("\(world.catalog.departments[member.department])\n")
        }
        return text.bytes
    }

    private func personFields(_ person: Int, on date: SimDate, row: inout CSVRow, into text: inout ByteText) {
        let population = world.population
        row.field(world.personID(person), into: &text)
        row.field(world.names.first(population, person), into: &text)
        row.field(world.names.surname(population, person), into: &text)
        row.field(world.names.gender(population, person), into: &text)
        row.field(date: population.birthDate(person), into: &text)
        row.field(population.age(person, on: date), into: &text)
    }

    private func memberFields(_ member: StaffMember, on date: SimDate, row: inout CSVRow, into text: inout ByteText) {
        let quarters = member.quarters(on: date, stepDays: world.config.workforce.stepDays)
        row.field(world.staffID(member.serial), into: &text)
        personFields(member.person, on: date, row: &row, into: &text)
        row.field(world.catalog.roles[member.role], into: &text)
        row.field(world.catalog.groups[world.catalog.roleGroup[member.role]], into: &text)
        row.field(world.catalog.departments[member.department], into: &text)
        row.field(hundredths: quarters * 25, into: &text)
        row.field(world.experience.name(quarters: quarters), into: &text)
        row.field(date: member.hired, into: &text)
    }
}
