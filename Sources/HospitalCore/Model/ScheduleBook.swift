/// Who works where on each day of the calendar, for every member on the roster that day.
public struct ScheduleBook: Sendable {
    public enum Assignment: UInt8, Sendable {
        /// As the 21-day cycle says.
        case cycle
        /// A cycle work day turned into rest: the member already had the weekly maximum.
        case restRule
        /// A senior lent for the day to a department that had none at work.
        case deployed
        /// An off-duty senior called in for a department that had none at work.
        case calledIn
        /// Stood down: no senior could be found for the department that day.
        case stoodDown

        public var text: String {
            switch self {
            case .cycle: return "cycle"
            case .restRule: return "weekly_limit_rest"
            case .deployed: return "deployed"
            case .calledIn: return "called_in"
            case .stoodDown: return "stood_down"
            }
        }
    }

    public struct Entry: Sendable {
        public let serial: Int32
        public internal(set) var department: UInt8
        public internal(set) var shift: UInt8
        public internal(set) var onDuty: Bool
        public internal(set) var assignment: Assignment
        public let senior: Bool
    }

    public let start: SimDate
    /// Shift names by index: the cycle's shift types, then the rest-rule and stood-down markers.
    public let shiftNames: [String]
    public let days: [[Entry]]

    public func entries(on date: SimDate) -> [Entry] { days[date.dayNumber - start.dayNumber] }
}

/// The staff on duty on one day, grouped the way admissions and transports pick them.
public struct DutyRoster: Sendable {
    public private(set) var doctors: [[Int]]
    public private(set) var seniorDoctors: [[Int]]
    public private(set) var nurses: [[Int]]
    public private(set) var allDoctors: [Int] = []
    public private(set) var allSeniorDoctors: [Int] = []
    public private(set) var allNurses: [Int] = []
    public private(set) var paramedics: [Int] = []
    /// Minutes of the day each member works, by serial (empty when off duty).
    private var windows: [Range<Int>]

    /// `shiftWindows[shift]` is the span of a shift type within its day (it may run past midnight).
    public init(entries: [ScheduleBook.Entry], staff: [StaffMember], catalog: Catalog, shiftWindows: [Range<Int>]) {
        let empty = [[Int]](repeating: [], count: catalog.departments.count)
        doctors = empty
        seniorDoctors = empty
        nurses = empty
        windows = [Range<Int>](repeating: 0..<0, count: staff.count)
        for entry in entries where entry.onDuty {
            let serial = Int(entry.serial)
            let role = staff[serial].role
            let department = Int(entry.department)
            windows[serial] = shiftWindows[Int(entry.shift)]
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
    }

    /// Who may attend at `minute` of the day: those of the department whose shift covers it,
    /// else the department's on duty, else the hospital's whose shift covers it, else anyone on duty.
    public func attending(department: [Int], hospital: [Int], at minute: Int) -> [Int] {
        let covering = { (pool: [Int]) in pool.filter { self.windows[$0].contains(minute) } }
        let inDepartment = covering(department)
        if !inDepartment.isEmpty { return inDepartment }
        if !department.isEmpty { return department }
        let inHospital = covering(hospital)
        return inHospital.isEmpty ? hospital : inHospital
    }
}
