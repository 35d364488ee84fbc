import Foundation
import HospitalCore

/// Checks a finished lake, as `hospital simulate` writes it, against what a clinician would
/// believe of a hospital: one verdict per rule, from the lake's own files (batch/ or
/// processed/) and the workforce config's minimum ages. It trusts none of the generator's
/// state, so a hand-broken row is reported as the generator's own mistakes would be.
public struct LakeAudit: Sendable {
    public struct Verdict: Sendable, Equatable {
        public let rule: String
        public let checked: Int
        public let failures: Int
        /// Counts by kind of failure, in a fixed order, and the first few offending rows.
        public let detail: String

        public var passed: Bool { failures == 0 }

        public var line: String {
            (passed ? "PASS " : "FAIL ") + rule + ": \(failures) of \(checked) fail" + (detail.isEmpty ? "" : " (\(detail))")
        }
    }

    /// Rest required between the end of one shift and the start of the next.
    public static let minimumRestMinutes = 11 * 60

    /// Conditions that need a minimum age, or a sex and an age range, by name prefix.
    public static let ageRules: [(condition: String, minimumAge: Int, maximumAge: Int, female: Bool)] = [
        ("Alcohol-related illness", 12, 200, false),
        ("Substance Use Disorders", 12, 200, false),
        ("Arthritis", 5, 200, false),
        ("Hypertension", 5, 200, false),
        ("Pregnancy", 12, 55, true),
        ("Gestational Diabetes", 12, 55, true),
    ]

    let layout: LakeLayout
    let roleMinimumAge: [String: Int]
    let doctorRoles: [String]
    let nurseRoles: [String]
    let paramedicRoles: [String]
    let seniorLevel: String

    public init(layout: LakeLayout, config: HospitalConfig) {
        self.layout = layout
        var ages: [String: Int] = [:]
        for entry in config.workforce.minimumAge { ages[entry.role] = entry.age }
        roleMinimumAge = ages
        doctorRoles = config.workforce.doctorRoles
        nurseRoles = config.workforce.nurseRoles
        paramedicRoles = config.workforce.paramedicRoles
        seniorLevel = config.workforce.experienceLevels.last?.name ?? "Senior"
    }

    public enum AuditError: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .missing(let what): return "the lake has no \(what)"
            case .unreadable(let file, let why): return "\(file): \(why)"
            }
        }
    }

    // MARK: - Reading

    /// Files of one kind, from batch/ and processed/, by name.
    func files(_ kind: LakeFileName.Kind) -> [String] {
        var found: [(String, String)] = []
        for folder in [layout.batch, layout.processed] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where LakeFileName(name: name)?.kind == kind { found.append((name, folder + "/" + name)) }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func scan(_ path: String, _ columns: [String], _ body: (CSVRecord) -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw AuditError.unreadable(path, "cannot read") }
        do {
            try CSVReader.scan([UInt8](data), expecting: columns) { record in body(record) }
        } catch {
            throw AuditError.unreadable(path, error.description)
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`) as minutes since 1970-01-01; nil when malformed or empty.
    static func minute(_ record: CSVRecord, _ field: Int) -> Int? {
        record.withUTF8(field) { bytes -> Int? in
            guard bytes.count == 19 || bytes.count == 10 else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
            let date = SimDate(year: year, month: month, day: day).dayNumber * 1440
            guard bytes.count == 19 else { return date }
            guard let hour = number(11, 2), let minute = number(14, 2) else { return nil }
            return date + hour * 60 + minute
        }
    }

    static func int(_ record: CSVRecord, _ field: Int) -> Int? { Int(record.string(field)) }

    static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return hour * 60 + minute
    }

    static func stamp(_ minute: Int) -> String {
        let date = SimDate(dayNumber: minute >= 0 ? minute / 1440 : (minute - 1439) / 1440)
        let rest = minute - date.dayNumber * 1440
        let hour = rest / 60, minuteOfHour = rest % 60
        return "\(date) \(hour < 10 ? "0" : "")\(hour):\(minuteOfHour < 10 ? "0" : "")\(minuteOfHour)"
    }

    struct Member {
        let person: String
        let role: String
    }

    struct Shift {
        let start: Int
        let end: Int
        let assignment: String
    }

    struct Stay {
        let visit: String
        let start: Int
        let end: Int
    }

    // MARK: - The audit

    public func run() throws -> [Verdict] {
        // Staff: every member ever on the roster (staff_data.csv and the snapshots).
        var staffIndex: [String: Int] = [:]
        var members: [Member] = []
        var serviceChecked = 0, serviceFailures = 0
        var serviceExamples: [String] = []
        var serviceStaff = Set<String>()
        func member(_ id: String, person: String, role: String) {
            if staffIndex[id] == nil {
                staffIndex[id] = members.count
                members.append(Member(person: person, role: role))
            }
        }
        func service(_ record: CSVRecord, offset: Int, file: String) {
            let role = record.string(offset + 7)
            guard let age = Self.int(record, offset + 6), let years = Double(record.string(offset + 10)),
                let minimum = roleMinimumAge[role]
            else { return }
            serviceChecked += 1
            if years > Double(age - minimum) + 1e-9 {
                serviceFailures += 1
                serviceStaff.insert(record.string(offset))
                if serviceExamples.count < 3 {
                    serviceExamples.append("\(file) \(record.string(offset)) \(role) age \(age) service \(record.string(offset + 10))")
                }
            }
        }
        let staffFiles = files(.staff)
        guard !staffFiles.isEmpty else { throw AuditError.missing(LakeFileName.staff.name) }
        for path in staffFiles {
            try scan(path, LakeColumns.staff) { record in
                member(record.string(0), person: record.string(1), role: record.string(7))
                service(record, offset: 0, file: LakeFileName.staff.name)
            }
        }
        for path in files(.staffActive) {
            let name = (path as NSString).lastPathComponent
            try scan(path, LakeColumns.staffActive) { record in
                member(record.string(1), person: record.string(2), role: record.string(8))
                service(record, offset: 1, file: name)
            }
        }
        var staffOfPerson: [String: Int] = [:]
        for (index, member) in members.enumerated() { staffOfPerson[member.person] = index }
        let isDoctor = members.map { doctorRoles.contains($0.role) }
        let isNurse = members.map { nurseRoles.contains($0.role) }
        let isParamedic = members.map { paramedicRoles.contains($0.role) }

        // Schedules: each member's on-duty windows, and each day's departments and seniors.
        var shifts = [[Shift]](repeating: [], count: members.count)
        var seniorChecked = 0, seniorFailures = 0
        var seniorExamples: [String] = []
        var firstShiftStart = Int.max
        var unknownStaff = 0
        let scheduleFiles = files(.schedules)
        guard !scheduleFiles.isEmpty else { throw AuditError.missing("schedules") }
        var dayDate = ""
        var working: [String] = []
        var clinicalSeniors: [String] = []
        var anySenior = false
        func closeDay() {
            guard !dayDate.isEmpty else { return }
            var departments: [String] = []
            for department in working where !departments.contains(department) { departments.append(department) }
            for department in departments.sorted() {
                seniorChecked += 1
                if anySenior && !clinicalSeniors.contains(department) {
                    seniorFailures += 1
                    if seniorExamples.count < 3 { seniorExamples.append("\(dayDate) \(department)") }
                }
            }
            working.removeAll(keepingCapacity: true)
            clinicalSeniors.removeAll(keepingCapacity: true)
            anySenior = false
        }
        for path in scheduleFiles {
            try scan(path, LakeColumns.schedules) { record in
                let date = record.string(0)
                if date != dayDate {
                    closeDay()
                    dayDate = date
                }
                guard record.string(10) == "true" else { return }
                let department = record.string(5)
                working.append(department)
                let id = record.string(1)
                guard let serial = staffIndex[id] else {
                    unknownStaff += 1
                    return
                }
                if record.string(3) == seniorLevel && (isDoctor[serial] || isNurse[serial]) {
                    anySenior = true
                    if !clinicalSeniors.contains(department) { clinicalSeniors.append(department) }
                }
                guard let day = Self.minute(record, 0), let start = Self.clock(record.string(7)),
                    let hours = Self.int(record, 8), let reserve = Self.int(record, 9)
                else { return }
                let begins = day + start
                firstShiftStart = min(firstShiftStart, begins)
                shifts[serial].append(Shift(start: begins, end: begins + (hours + reserve) * 60, assignment: record.string(11)))
            }
        }
        closeDay()
        for serial in shifts.indices { shifts[serial].sort { ($0.start, $0.end) < ($1.start, $1.end) } }

        // Rest between shifts.
        var restChecked = 0, restFailures = 0
        var restExamples: [String] = []
        for serial in shifts.indices where shifts[serial].count > 1 {
            for index in 1..<shifts[serial].count {
                restChecked += 1
                let gap = shifts[serial][index].start - shifts[serial][index - 1].end
                if gap < Self.minimumRestMinutes {
                    restFailures += 1
                    if restExamples.count < 3 {
                        restExamples.append("\(members[serial].role) rests \(gap / 60) h before \(Self.stamp(shifts[serial][index].start))")
                    }
                }
            }
        }

        /// Whether the member's shift covers `minute`, or the member was called from the on-call reserve then.
        func atWork(_ serial: Int, _ minute: Int) -> Bool {
            let list = shifts[serial]
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle].start <= minute { low = middle + 1 } else { high = middle }
            }
            // Shifts never overlap by more than one, so the last two starting by `minute` suffice.
            for index in stride(from: low - 1, through: max(0, low - 2), by: -1) where list[index].end > minute {
                return true
            }
            return false
        }

        // Inpatient stays and capacity.
        var capacity: [String: Int] = [:]
        var unitOrder: [String] = []
        for path in files(.dailySummary) {
            guard let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let units = object["units"] as? [[String: Any]]
            else { throw AuditError.unreadable(path, "not a daily summary") }
            for unit in units {
                guard let name = unit["unit"] as? String, let care = unit["care"] as? String, care == "Inpatient",
                    let beds = unit["capacity"] as? Int
                else { continue }
                if capacity[name] == nil { unitOrder.append(name) }
                capacity[name] = beds
            }
        }
        guard !capacity.isEmpty else { throw AuditError.missing("daily summaries with unit capacities") }
        var stays: [String: [Stay]] = [:]
        var events: [String: [(minute: Int, change: Int)]] = [:]
        var workChecked = 0, notAtWork = 0, wrongRole = 0, unknown = 0
        var workExamples: [String] = []
        /// kind: 0 doctor, 1 nurse, 2 paramedic.
        let roles = ["admission doctor", "admission nurse", "transport paramedic", "transport physician", "transport nurse"]
        var notAtWorkBy = [Int](repeating: 0, count: roles.count)
        func named(_ what: Int, _ id: String, at minute: Int, kind: Int) {
            guard !id.isEmpty else { return }
            workChecked += 1
            guard let serial = staffIndex[id] else {
                unknown += 1
                return
            }
            let roleOK = kind == 0 ? isDoctor[serial] : kind == 1 ? isNurse[serial] : isParamedic[serial]
            if !roleOK { wrongRole += 1 }
            // Before the calendar's first shift begins, the night before the calendar was at work.
            if minute >= firstShiftStart && !atWork(serial, minute) {
                notAtWork += 1
                notAtWorkBy[what] += 1
                if workExamples.count < 3 { workExamples.append("\(roles[what]) \(members[serial].role) at \(Self.stamp(minute))") }
            }
        }
        var admitted: [(person: String, visit: String, minute: Int)] = []
        var conditionChecked = 0, conditionFailures = 0
        var conditionExamples: [String] = []
        func condition(_ text: String, age: Int, gender: String, where file: String) {
            for rule in Self.ageRules where text.contains(rule.condition) {
                conditionChecked += 1
                if age < rule.minimumAge || age > rule.maximumAge || (rule.female && gender != "Female") {
                    conditionFailures += 1
                    if conditionExamples.count < 3 { conditionExamples.append("\(file): \(rule.condition) at \(age) (\(gender))") }
                }
            }
        }
        let admissionFiles = files(.admissions)
        guard !admissionFiles.isEmpty else { throw AuditError.missing("admissions") }
        var inpatientChecked = 0
        for path in admissionFiles {
            try scan(path, LakeColumns.admissions) { record in
                let visit = record.string(1), patient = record.string(2)
                let age = Self.int(record, 6) ?? 0
                condition(record.string(7), age: age, gender: record.string(5), where: "admission")
                guard record.string(16) == "Admitted", let start = Self.minute(record, 15) else { return }
                admitted.append((patient, visit, start))
                named(0, record.string(20), at: start, kind: 0)
                named(1, record.string(21), at: start, kind: 1)
                guard record.string(10) == "Inpatient", let end = Self.minute(record, 18) else { return }
                let unit = record.string(11)
                inpatientChecked += 1
                stays[patient, default: []].append(Stay(visit: visit, start: start, end: end))
                events[unit, default: []].append((start, 1))
                events[unit, default: []].append((end, -1))
            }
        }
        var capacityFailures = 0
        var capacityExamples: [String] = []
        for unit in unitOrder {
            // Discharges first at a tied minute: a bed freed at 10:00 may be taken at 10:00.
            let sorted = (events[unit] ?? []).sorted { ($0.minute, $0.change) < ($1.minute, $1.change) }
            var occupied = 0
            let beds = capacity[unit] ?? 0
            for event in sorted {
                occupied += event.change
                if event.change > 0 && occupied > beds {
                    capacityFailures += 1
                    if capacityExamples.count < 3 {
                        capacityExamples.append("\(unit) \(occupied) of \(beds) at \(Self.stamp(event.minute))")
                    }
                }
            }
        }

        // Visits and transports, checked against the stays as they are read.
        for key in stays.keys { stays[key]!.sort { $0.start < $1.start } }
        func inpatient(_ person: String, at minute: Int, except visit: String) -> Stay? {
            stays[person]?.first { $0.visit != visit && $0.start <= minute && minute < $0.end }
        }
        var placeChecked = 0
        var placeCounts = [0, 0, 0, 0]  // admissions, visits, transports, staff shifts
        var placeExamples: [String] = []
        func arrival(_ what: Int, _ person: String, visit: String, at minute: Int) {
            placeChecked += 1
            guard let stay = inpatient(person, at: minute, except: visit) else { return }
            placeCounts[what] += 1
            if placeExamples.count < 3 {
                let name = ["admission", "visit", "transport"][what]
                placeExamples.append("\(name) at \(Self.stamp(minute)) during a stay from \(Self.stamp(stay.start))")
            }
        }
        for entry in admitted { arrival(0, entry.person, visit: entry.visit, at: entry.minute) }
        for path in files(.visitors) {
            try scan(path, LakeColumns.visitors) { record in
                condition(record.string(6), age: Self.int(record, 5) ?? 0, gender: record.string(4), where: "visit")
                if let minute = Self.minute(record, 11) { arrival(1, record.string(1), visit: record.string(0), at: minute) }
            }
        }
        var ambulances = 0, withoutParamedic = 0
        var paramedicExamples: [String] = []
        for path in files(.transport) {
            try scan(path, LakeColumns.transport) { record in
                guard let minute = Self.minute(record, 10) else { return }
                arrival(2, record.string(2), visit: record.string(1), at: minute)
                if record.string(11) == "Ambulance" {
                    ambulances += 1
                    let id = record.string(13)
                    if id.isEmpty || !(staffIndex[id].map { isParamedic[$0] } ?? false) {
                        withoutParamedic += 1
                        if paramedicExamples.count < 3 { paramedicExamples.append("ambulance at \(Self.stamp(minute))") }
                    }
                }
                named(2, record.string(13), at: minute, kind: 2)
                named(3, record.string(14), at: minute, kind: 0)
                named(4, record.string(15), at: minute, kind: 1)
            }
        }
        var transfersChecked = 0
        for path in files(.transfers) {
            try scan(path, LakeColumns.transfers) { _ in transfersChecked += 1 }
        }
        for path in files(.illnesses) {
            try scan(path, LakeColumns.illnesses) { record in
                condition(record.string(9), age: Self.int(record, 7) ?? 0, gender: record.string(3), where: "population")
            }
        }

        // Staff on duty while admitted.
        for (person, list) in stays.sorted(by: { $0.key < $1.key }) {
            guard let serial = staffOfPerson[person] else { continue }
            for stay in list {
                for shift in shifts[serial] where shift.start < stay.end && stay.start < shift.end {
                    placeChecked += 1
                    placeCounts[3] += 1
                    if placeExamples.count < 3 {
                        placeExamples.append("staff on duty \(Self.stamp(shift.start)) while admitted \(Self.stamp(stay.start))")
                    }
                }
            }
        }

        let place = placeCounts.reduce(0, +)
        return [
            Verdict(
                rule: "capacity: inpatient beds never exceeded at any minute", checked: inpatientChecked,
                failures: capacityFailures, detail: capacityExamples.joined(separator: "; ")),
            Verdict(
                rule: "service: years of service <= age - role minimum age", checked: serviceChecked,
                failures: serviceFailures,
                detail: "\(serviceStaff.count) staff" + (serviceExamples.isEmpty ? "" : "; " + serviceExamples.joined(separator: "; "))),
            Verdict(
                rule: "one place: nobody admitted, visiting, transported or on duty while an inpatient",
                checked: placeChecked, failures: place,
                detail: "admitted \(placeCounts[0]), visiting \(placeCounts[1]), transported \(placeCounts[2]), "
                    + "staff shifts \(placeCounts[3])" + (placeExamples.isEmpty ? "" : "; " + placeExamples.joined(separator: "; "))),
            Verdict(
                rule: "at work: everyone named on an admission or transport works a shift covering that minute",
                checked: workChecked, failures: notAtWork + wrongRole + unknown,
                detail: "not at work \(notAtWork) ("
                    + zip(roles, notAtWorkBy).map { "\($0) \($1)" }.joined(separator: ", ")
                    + "), wrong role \(wrongRole), not on the staff \(unknown)"
                    + (workExamples.isEmpty ? "" : "; " + workExamples.joined(separator: "; ")) + "; transfers name no staff ("
                    + "\(transfersChecked) rows)"),
            Verdict(
                rule: "senior cover: every department at work has a senior doctor or nurse when any works",
                checked: seniorChecked, failures: seniorFailures + unknownStaff,
                detail: (unknownStaff > 0 ? "schedule rows of unknown staff \(unknownStaff); " : "")
                    + seniorExamples.joined(separator: "; ")),
            Verdict(
                rule: "paramedic: every ambulance has an EMT", checked: ambulances, failures: withoutParamedic,
                detail: paramedicExamples.joined(separator: "; ")),
            Verdict(
                rule: "rest: at least 11 h between shifts", checked: restChecked, failures: restFailures,
                detail: restExamples.joined(separator: "; ")),
            Verdict(
                rule: "conditions: plausible by age and sex", checked: conditionChecked, failures: conditionFailures,
                detail: conditionExamples.joined(separator: "; ")),
        ]
    }
}
