/// `schedules_<YYYY-MM>.csv`: one row per active member per day of the month, work or rest.
public struct ScheduleCSV: Sendable {
    let world: HospitalWorld

    public init(world: HospitalWorld) { self.world = world }

    public func month(first: SimDate, last: SimDate) -> (bytes: [UInt8], rows: Int) {
        let staff = world.workforce.staff
        let schedule = world.schedule
        let definitions = world.config.shifts.shiftDefinitions
        let shiftText = schedule.shiftNames.map { name -> (start: String, hours: Int, reserve: Int) in
            guard let definition = definitions[name] else { return ("", 0, 0) }
            return (definition.start, definition.hours, definition.reserveHours)
        }
        let stepDays = world.config.workforce.stepDays
        let ids = staff.indices.map { world.staffID($0) }
        var rows = 0
        var text = ByteText(capacity: (last.dayNumber - first.dayNumber + 1) * staff.count * 110)
        CSVRow.header(LakeColumns.schedules, into: &text)
        for day in first.dayNumber...last.dayNumber {
            let date = SimDate(dayNumber: day)
            for entry in schedule.entries(on: date) {
                let member = staff[Int(entry.serial)]
                let shift = Int(entry.shift)
                var row = CSVRow()
                row.field(date: date, into: &text)
                row.field(ids[Int(entry.serial)], into: &text)
                row.field(world.catalog.roles[member.role], into: &text)
                row.field(world.experience.name(quarters: member.quarters(on: date, stepDays: stepDays)), into: &text)
                row.field(world.catalog.departments[member.department], into: &text)
                row.field(world.catalog.departments[Int(entry.department)], into: &text)
                row.field(schedule.shiftNames[shift], into: &text)
                row.field(entry.onDuty ? shiftText[shift].start : "", into: &text)
                row.field(entry.onDuty ? shiftText[shift].hours : 0, into: &text)
                row.field(entry.onDuty ? shiftText[shift].reserve : 0, into: &text)
                row.field(entry.onDuty, into: &text)
                row.field(entry.assignment.text, into: &text)
                row.end(into: &text)
                rows += 1
            }
        }
        return (text.bytes, rows)
    }
}
