/// Lays the 21-day cycle over every member active on each day, then enforces the rules the
/// course's schedules broke: at most `max_shifts_per_week` shifts in any 7 days, and a
/// senior in every department at work whenever any senior works that day.
public struct ScheduleGenerator: Sendable {
    let config: HospitalConfig
    let catalog: Catalog
    let streams: Streams
    let calendar: SimCalendar

    public init(config: HospitalConfig, catalog: Catalog, streams: Streams, calendar: SimCalendar) {
        self.config = config
        self.catalog = catalog
        self.streams = streams
        self.calendar = calendar
    }

    public static let restShift = "REST_WEEKLY_LIMIT"
    public static let stoodDownShift = "STOOD_DOWN"
    public static let callInShift = "DAY_12HR"

    public func generate(_ timeline: WorkforceSimulator.Timeline) -> ScheduleBook {
        let cycle = config.shifts.cycle
        var shiftNames: [String] = []
        for day in cycle where !shiftNames.contains(day.shift) { shiftNames.append(day.shift) }
        for extra in [Self.restShift, Self.stoodDownShift, Self.callInShift] where !shiftNames.contains(extra) {
            shiftNames.append(extra)
        }
        let cycleShift = cycle.map { UInt8(shiftNames.firstIndex(of: $0.shift)!) }
        let rest = UInt8(shiftNames.firstIndex(of: Self.restShift)!)
        let stoodDown = UInt8(shiftNames.firstIndex(of: Self.stoodDownShift)!)
        let callIn = UInt8(shiftNames.firstIndex(of: Self.callInShift)!)
        let maxShifts = config.shifts.rules.maxShiftsPerWeek
        let minimumSeniors = config.shifts.rules.minimumSeniorPerShift
        let stepDays = config.workforce.stepDays
        let scale = ExperienceScale(config.workforce.experienceLevels)
        let staff = timeline.staff
        let offsets = staff.indices.map { serial in
            var rng = streams.stream(.cycle, serial)
            return rng.below(cycle.count)
        }
        /// Bit k set: worked k+1 days ago (six days kept).
        var history = [UInt8](repeating: 0, count: staff.count)
        var days: [[ScheduleBook.Entry]] = []
        days.reserveCapacity(calendar.dayCount)

        for date in calendar.dates {
            let position = date.dayNumber - calendar.start.dayNumber
            var entries: [ScheduleBook.Entry] = []
            for serial in staff.indices where staff[serial].isActive(on: date) {
                let cycleDay = cycle[(offsets[serial] + position) % cycle.count]
                let allowed = history[serial].nonzeroBitCount < maxShifts
                let senior = scale.level(quarters: staff[serial].quarters(on: date, stepDays: stepDays)) == scale.senior
                let onDuty = cycleDay.workDay && allowed
                entries.append(
                    ScheduleBook.Entry(
                        serial: Int32(serial), department: UInt8(staff[serial].department),
                        shift: cycleDay.workDay && !allowed ? rest : cycleShift[(offsets[serial] + position) % cycle.count],
                        onDuty: onDuty, assignment: cycleDay.workDay && !allowed ? .restRule : .cycle, senior: senior))
            }
            cover(
                &entries, history: history, minimumSeniors: minimumSeniors, maxShifts: maxShifts,
                callIn: callIn, stoodDown: stoodDown)
            for entry in entries {
                let serial = Int(entry.serial)
                history[serial] = ((history[serial] << 1) | (entry.onDuty ? 1 : 0)) & 0x3F
            }
            days.append(entries)
        }
        return ScheduleBook(start: calendar.start, shiftNames: shiftNames, days: days)
    }

    /// Gives every department at work a senior, in department order: lend one from a
    /// department with more than the minimum, else call in an off-duty senior who still has
    /// a shift left this week, else stand the department down.
    private func cover(
        _ entries: inout [ScheduleBook.Entry], history: [UInt8], minimumSeniors: Int, maxShifts: Int,
        callIn: UInt8, stoodDown: UInt8
    ) {
        let departments = catalog.departments.count
        var workers = [Int](repeating: 0, count: departments)
        var seniors = [[Int]](repeating: [], count: departments)
        for (index, entry) in entries.enumerated() where entry.onDuty {
            workers[Int(entry.department)] += 1
            if entry.senior { seniors[Int(entry.department)].append(index) }
        }
        guard seniors.contains(where: { !$0.isEmpty }) else { return }
        for needy in 0..<departments where workers[needy] > 0 && seniors[needy].isEmpty {
            if let donor = (0..<departments).first(where: { seniors[$0].count > minimumSeniors }) {
                let index = seniors[donor].removeLast()
                entries[index].department = UInt8(needy)
                entries[index].assignment = .deployed
                seniors[needy].append(index)
            } else if let index = entries.indices.first(where: {
                !entries[$0].onDuty && entries[$0].senior && entries[$0].assignment != .stoodDown
                    && history[Int(entries[$0].serial)].nonzeroBitCount < maxShifts
            }) {
                entries[index].department = UInt8(needy)
                entries[index].shift = callIn
                entries[index].onDuty = true
                entries[index].assignment = .calledIn
                seniors[needy].append(index)
            } else {
                for index in entries.indices where entries[index].onDuty && Int(entries[index].department) == needy {
                    entries[index].onDuty = false
                    entries[index].shift = stoodDown
                    entries[index].assignment = .stoodDown
                }
            }
        }
    }
}
