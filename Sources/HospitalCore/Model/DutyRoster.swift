/// The staff at work on one day, grouped the way admissions and transports pick them: the
/// day's shifts, and the previous day's that run past midnight into this morning.
public struct DutyRoster: Sendable {
    public private(set) var doctors: [[Int]]
    public private(set) var seniorDoctors: [[Int]]
    public private(set) var nurses: [[Int]]
    public private(set) var allDoctors: [Int] = []
    public private(set) var allSeniorDoctors: [Int] = []
    public private(set) var allNurses: [Int] = []
    public private(set) var paramedics: [Int] = []
    /// Minutes of the day each member works, by serial: this day's shift and the previous
    /// night's part after midnight (negative start), either empty when off duty.
    private var windows: [Range<Int>]
    private var carried: [Range<Int>]

    /// `shiftWindows[shift]` is the span of a shift type within its day (it may run past midnight).
    public init(
        entries: [ScheduleBook.Entry], previous: [ScheduleBook.Entry] = [], staff: [StaffMember], catalog: Catalog,
        shiftWindows: [Range<Int>]
    ) {
        let empty = [[Int]](repeating: [], count: catalog.departments.count)
        doctors = empty
        seniorDoctors = empty
        nurses = empty
        windows = [Range<Int>](repeating: 0..<0, count: staff.count)
        carried = windows
        var listed = [Bool](repeating: false, count: staff.count)
        for entry in previous where entry.onDuty && shiftWindows[Int(entry.shift)].upperBound > 1440 {
            let window = shiftWindows[Int(entry.shift)]
            carried[Int(entry.serial)] = (window.lowerBound - 1440)..<(window.upperBound - 1440)
            add(entry, staff: staff, catalog: catalog, listed: &listed)
        }
        for entry in entries where entry.onDuty {
            windows[Int(entry.serial)] = shiftWindows[Int(entry.shift)]
            add(entry, staff: staff, catalog: catalog, listed: &listed)
        }
    }

    private mutating func add(_ entry: ScheduleBook.Entry, staff: [StaffMember], catalog: Catalog, listed: inout [Bool]) {
        let serial = Int(entry.serial)
        guard !listed[serial] else { return }
        listed[serial] = true
        let role = staff[serial].role
        let department = Int(entry.department)
        if catalog.isDoctor[role] {
            doctors[department].append(serial)
            allDoctors.append(serial)
            if entry.senior {
                seniorDoctors[department].append(serial)
                allSeniorDoctors.append(serial)
            }
        } else if catalog.isNurse[role] {
            nurses[department].append(serial)
            allNurses.append(serial)
        } else if catalog.isParamedic[role] {
            paramedics.append(serial)
        }
    }

    /// Whether the member's shift covers `minute` of the day (past 1440: the next morning).
    public func atWork(_ serial: Int, at minute: Int) -> Bool {
        windows[serial].contains(minute) || carried[serial].contains(minute)
    }

    /// Those of `pool` at work at `minute` of the day.
    public func atWork(_ pool: [Int], at minute: Int) -> [Int] { pool.filter { atWork($0, at: minute) } }

    /// Who may attend at `minute` of the day: those of the department at work then, else the
    /// hospital's at work then, else (nobody at work, the calendar's first night) the department's
    /// on the roster, else the hospital's.
    public func attending(department: [Int], hospital: [Int], at minute: Int) -> [Int] {
        let inDepartment = atWork(department, at: minute)
        if !inDepartment.isEmpty { return inDepartment }
        let inHospital = atWork(hospital, at: minute)
        if !inHospital.isEmpty { return inHospital }
        return department.isEmpty ? hospital : department
    }
}
