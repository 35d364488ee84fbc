/// The staff at work on one day, grouped the way admissions and transports pick them: the
/// day's shifts, and the previous day's that run past midnight into this morning. A member
/// works for the department of the shift they are on: one whose night ran into this morning
/// in one department and who is deployed to another for today's shift is listed under both,
/// and counts for each only during that shift.
public struct DutyRoster: Sendable {
    public private(set) var doctors: [[Int]]
    public private(set) var seniorDoctors: [[Int]]
    public private(set) var nurses: [[Int]]
    public private(set) var allDoctors: [Int] = []
    public private(set) var allSeniorDoctors: [Int] = []
    public private(set) var allNurses: [Int] = []
    public private(set) var paramedics: [Int] = []
    /// Minutes of the day each member works, by serial: this day's shift and the previous
    /// night's part after midnight (negative start), either empty when off duty; and the
    /// department each of the two is worked for.
    private var windows: [Range<Int>]
    private var carried: [Range<Int>]
    private var windowDepartment: [Int]
    private var carriedDepartment: [Int]
    /// Each member's person, so a member who comes in as a patient is never their own carer.
    private let person: [Int]

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
        windowDepartment = [Int](repeating: -1, count: staff.count)
        carriedDepartment = windowDepartment
        person = staff.map(\.person)
        var listed = [Bool](repeating: false, count: staff.count)
        var listedIn = [Int](repeating: -1, count: staff.count)
        for entry in previous where entry.onDuty && shiftWindows[Int(entry.shift)].upperBound > 1440 {
            let window = shiftWindows[Int(entry.shift)]
            carried[Int(entry.serial)] = (window.lowerBound - 1440)..<(window.upperBound - 1440)
            carriedDepartment[Int(entry.serial)] = Int(entry.department)
            add(entry, staff: staff, catalog: catalog, listed: &listed, listedIn: &listedIn)
        }
        for entry in entries where entry.onDuty {
            windows[Int(entry.serial)] = shiftWindows[Int(entry.shift)]
            windowDepartment[Int(entry.serial)] = Int(entry.department)
            add(entry, staff: staff, catalog: catalog, listed: &listed, listedIn: &listedIn)
        }
    }

    /// Lists the member once in the hospital's pools, and in the department's pools once per
    /// department they work for today.
    private mutating func add(
        _ entry: ScheduleBook.Entry, staff: [StaffMember], catalog: Catalog, listed: inout [Bool], listedIn: inout [Int]
    ) {
        let serial = Int(entry.serial)
        let department = Int(entry.department)
        guard listedIn[serial] != department else { return }
        listedIn[serial] = department
        let role = staff[serial].role
        let hospital = !listed[serial]
        listed[serial] = true
        if catalog.isDoctor[role] {
            doctors[department].append(serial)
            if hospital { allDoctors.append(serial) }
            if entry.senior {
                seniorDoctors[department].append(serial)
                if hospital { allSeniorDoctors.append(serial) }
            }
        } else if catalog.isNurse[role] {
            nurses[department].append(serial)
            if hospital { allNurses.append(serial) }
        } else if catalog.isParamedic[role], hospital {
            paramedics.append(serial)
        }
    }

    /// Whether the member's shift covers `minute` of the day (past 1440: the next morning).
    public func atWork(_ serial: Int, at minute: Int) -> Bool {
        windows[serial].contains(minute) || carried[serial].contains(minute)
    }

    /// Whether the member is at work at `minute` on a shift worked for `department`.
    public func atWork(_ serial: Int, for department: Int, at minute: Int) -> Bool {
        (windows[serial].contains(minute) && windowDepartment[serial] == department)
            || (carried[serial].contains(minute) && carriedDepartment[serial] == department)
    }

    /// Those of `pool` at work at `minute` of the day, for `department` when one is given, `patient` never.
    public func atWork(_ pool: [Int], for department: Int? = nil, at minute: Int, except patient: Int? = nil) -> [Int] {
        pool.filter { serial in
            guard person[serial] != patient else { return false }
            guard let department else { return atWork(serial, at: minute) }
            return atWork(serial, for: department, at: minute)
        }
    }

    /// Who may attend at `minute` of the day: those of `pools[department]` working for it
    /// then, else the hospital's at work then, else (nobody at work, the calendar's first
    /// night) the department's on the roster, else the hospital's; never `patient` themselves.
    public func attending(
        department: Int?, of pools: [[Int]], hospital: [Int], at minute: Int, except patient: Int? = nil
    ) -> [Int] {
        let own = department.map { pools[$0] } ?? []
        let inDepartment = department.map { atWork(own, for: $0, at: minute, except: patient) } ?? []
        if !inDepartment.isEmpty { return inDepartment }
        let inHospital = atWork(hospital, at: minute, except: patient)
        if !inHospital.isEmpty { return inHospital }
        let onRoster = (own.isEmpty ? hospital : own).filter { person[$0] != patient }
        return onRoster.isEmpty ? hospital.filter { person[$0] != patient } : onRoster
    }
}
