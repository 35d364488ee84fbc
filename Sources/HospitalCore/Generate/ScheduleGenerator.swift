/// Lays the 21-day cycle over every member active on each day, then enforces the rules the
/// course's schedules broke: at most `max_shifts_per_week` shifts in any 7 days, 11 h of rest
/// between shifts, a senior doctor or nurse in every department at work whenever any works
/// that day, and a doctor, a senior doctor, a nurse and a paramedic at work at every minute
/// (called in).
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
    public static let nightCallInShift = "NIGHT_12HR"
    /// Called in for the calendar's first morning, which no night before it covers.
    public static let morningCallInShift = "MORNING_8HR_RESERVE"
    /// A cycle work day too soon after the member's last shift ended (`minimumRestMinutes`).
    public static let restGapShift = "REST_11HR"
    public static let minimumRestMinutes = 11 * 60

    public func generate(_ timeline: WorkforceSimulator.Timeline) -> ScheduleBook {
        let cycle = config.shiftCycle
        var shiftNames: [String] = []
        for day in cycle where !shiftNames.contains(day.shift) { shiftNames.append(day.shift) }
        for extra in [Self.restShift, Self.stoodDownShift, Self.callInShift, Self.nightCallInShift, Self.restGapShift]
        where !shiftNames.contains(extra) {
            shiftNames.append(extra)
        }
        let cycleShift = cycle.map { UInt8(shiftNames.firstIndex(of: $0.shift)!) }
        let rest = UInt8(shiftNames.firstIndex(of: Self.restShift)!)
        let restGap = UInt8(shiftNames.firstIndex(of: Self.restGapShift)!)
        let windows = Self.windows(shiftNames, config.shifts)
        let maxShifts = config.shifts.rules.maxShiftsPerWeek
        let stepDays = config.workforce.stepDays
        let scale = ExperienceScale(config.workforce.experienceLevels)
        let staff = timeline.staff
        let offsets = staff.indices.map { serial in
            var rng = streams.stream(.cycle, serial)
            return rng.below(cycle.count)
        }
        /// Bit k set: worked k+1 days ago (six days kept).
        var history = [UInt8](repeating: 0, count: staff.count)
        /// The minute (since the epoch) the member's last shift ended.
        var lastEnd = [Int](repeating: Int.min / 2, count: staff.count)
        var days: [[ScheduleBook.Entry]] = []
        days.reserveCapacity(calendar.dayCount)
        var rules = Rules(
            catalog: catalog, staff: staff, maxShifts: maxShifts,
            minimumSeniors: config.shifts.rules.minimumSeniorPerShift, windows: windows,
            callIn: UInt8(shiftNames.firstIndex(of: Self.callInShift)!),
            nightCallIn: UInt8(shiftNames.firstIndex(of: Self.nightCallInShift)!),
            morningCallIn: shiftNames.firstIndex(of: Self.morningCallInShift).map(UInt8.init),
            stoodDown: UInt8(shiftNames.firstIndex(of: Self.stoodDownShift)!))

        for date in calendar.dates {
            let position = date.dayNumber - calendar.start.dayNumber
            let midnight = date.dayNumber * 1440
            var entries: [ScheduleBook.Entry] = []
            for serial in staff.indices where staff[serial].isActive(on: date) {
                let cycleIndex = (offsets[serial] + position) % cycle.count
                let cycleDay = cycle[cycleIndex]
                let allowed = history[serial].nonzeroBitCount < maxShifts
                let rested = midnight + windows[Int(cycleShift[cycleIndex])].lowerBound - lastEnd[serial] >= Self.minimumRestMinutes
                let role = staff[serial].role
                let senior =
                    scale.level(quarters: staff[serial].quarters(on: date, stepDays: stepDays)) == scale.senior
                    && (catalog.isDoctor[role] || catalog.isNurse[role])
                let onDuty = cycleDay.workDay && allowed && rested
                let shift = !cycleDay.workDay || onDuty ? cycleShift[cycleIndex] : allowed ? restGap : rest
                entries.append(
                    ScheduleBook.Entry(
                        serial: Int32(serial), department: UInt8(staff[serial].department), shift: shift, onDuty: onDuty,
                        assignment: !cycleDay.workDay || onDuty ? .cycle : allowed ? .restGap : .restRule, senior: senior))
            }
            rules.day = midnight
            rules.cover(&entries, history: history, lastEnd: lastEnd)
            rules.roundTheClock(&entries, history: history, lastEnd: lastEnd, previous: days.last ?? [])
            for entry in entries {
                let serial = Int(entry.serial)
                history[serial] = ((history[serial] << 1) | (entry.onDuty ? 1 : 0)) & 0x3F
                if entry.onDuty { lastEnd[serial] = midnight + windows[Int(entry.shift)].upperBound }
            }
            days.append(entries)
        }
        return ScheduleBook(start: calendar.start, shiftNames: shiftNames, days: days)
    }

    /// Each shift type's minutes within its day (past 1440 when it runs into the next); empty for breaks.
    static func windows(_ shiftNames: [String], _ shifts: ShiftConfig) -> [Range<Int>] {
        shiftNames.map { name in
            guard let definition = shifts.shiftDefinitions[name], let start = ClockText.minutes(definition.start) else {
                return 0..<0
            }
            return start..<(start + (definition.hours + definition.reserveHours) * 60)
        }
    }

    /// The day's changes to the cycle: senior cover per department, then a doctor, a nurse,
    /// a paramedic and a senior doctor at work at every minute.
    struct Rules {
        let catalog: Catalog
        let staff: [StaffMember]
        let maxShifts: Int
        let minimumSeniors: Int
        let windows: [Range<Int>]
        let callIn: UInt8
        let nightCallIn: UInt8
        let morningCallIn: UInt8?
        let stoodDown: UInt8
        /// The day's midnight, in minutes since the epoch.
        var day = 0

        /// Whether the entry's member may be called in for `shift`: off duty, not stood down,
        /// a shift left this week, and 11 h since their last shift ended.
        func available(_ entry: ScheduleBook.Entry, for shift: UInt8, history: [UInt8], lastEnd: [Int]) -> Bool {
            let serial = Int(entry.serial)
            return !entry.onDuty && entry.assignment != .stoodDown && history[serial].nonzeroBitCount < maxShifts
                && day + windows[Int(shift)].lowerBound - lastEnd[serial] >= ScheduleGenerator.minimumRestMinutes
        }

        /// Gives every department at work a senior doctor or nurse, in department order: lend
        /// one from a department with more than the minimum, else call in an off-duty senior
        /// who still has a shift left this week and has rested, else stand the department down.
        func cover(_ entries: inout [ScheduleBook.Entry], history: [UInt8], lastEnd: [Int]) {
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
                    entries[$0].senior && available(entries[$0], for: callIn, history: history, lastEnd: lastEnd)
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

        /// Calls in a day or a night shift wherever no doctor, nurse, paramedic or senior doctor
        /// (for the most severe ambulances) is at work: from 07:00 to 07:00 the next morning,
        /// counting the previous night's shifts into this morning. The one called in is the
        /// least worked this week, and joins a department that has a senior at work unless
        /// they are one, so senior cover holds. Senior doctors come last, so the calls of the
        /// other kinds are those they would be without them.
        func roundTheClock(
            _ entries: inout [ScheduleBook.Entry], history: [UInt8], lastEnd: [Int], previous: [ScheduleBook.Entry]
        ) {
            let kinds: [(ScheduleBook.Entry) -> Bool] = [
                { catalog.isDoctor[staff[Int($0.serial)].role] }, { catalog.isNurse[staff[Int($0.serial)].role] },
                { catalog.isParamedic[staff[Int($0.serial)].role] }, { $0.senior && catalog.isDoctor[staff[Int($0.serial)].role] },
            ]
            var calls = [(windows[Int(callIn)], callIn), (windows[Int(nightCallIn)], nightCallIn)]
            // The calendar's first morning: from the earliest shift start to the day shift.
            if previous.isEmpty, let morning = morningCallIn, windows[Int(morning)].lowerBound < windows[Int(callIn)].lowerBound {
                calls.insert((windows[Int(morning)].lowerBound..<windows[Int(callIn)].lowerBound, morning), at: 0)
            }
            for isKind in kinds {
                for (span, shift) in calls {
                    let covered = coverage(entries, previous: previous, isKind: isKind)
                    guard !Self.covers(covered, span) else { continue }
                    var seniorAt = [Bool](repeating: false, count: catalog.departments.count)
                    var anySenior = false
                    for entry in entries where entry.onDuty && entry.senior {
                        seniorAt[Int(entry.department)] = true
                        anySenior = true
                    }
                    var best: Int?
                    for index in entries.indices {
                        let entry = entries[index]
                        guard isKind(entry),
                            available(entry, for: shift, history: history, lastEnd: lastEnd),
                            entry.senior || !anySenior || seniorAt[Int(entry.department)]
                        else { continue }
                        if let current = best,
                            history[Int(entries[current].serial)].nonzeroBitCount <= history[Int(entry.serial)].nonzeroBitCount
                        {
                            continue
                        }
                        best = index
                    }
                    guard let index = best else { continue }
                    entries[index].shift = shift
                    entries[index].onDuty = true
                    entries[index].assignment = .calledIn
                }
            }
        }

        /// The minutes of the day (0 ..< 1440 + night) someone of the kind is at work.
        func coverage(
            _ entries: [ScheduleBook.Entry], previous: [ScheduleBook.Entry], isKind: (ScheduleBook.Entry) -> Bool
        ) -> [Range<Int>] {
            var spans: [Range<Int>] = []
            for entry in previous where entry.onDuty && isKind(entry) {
                let window = windows[Int(entry.shift)]
                if window.upperBound > 1440 { spans.append((window.lowerBound - 1440)..<(window.upperBound - 1440)) }
            }
            for entry in entries where entry.onDuty && isKind(entry) {
                spans.append(windows[Int(entry.shift)])
            }
            return spans.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        }

        /// Whether the sorted spans cover every minute of `span`.
        static func covers(_ spans: [Range<Int>], _ span: Range<Int>) -> Bool {
            var reached = span.lowerBound
            for candidate in spans where candidate.lowerBound <= reached && candidate.upperBound > reached {
                reached = candidate.upperBound
                if reached >= span.upperBound { return true }
            }
            return reached >= span.upperBound
        }
    }
}
