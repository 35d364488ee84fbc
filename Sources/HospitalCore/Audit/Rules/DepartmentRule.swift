/// Staff named for a unit work for its department at that minute whenever someone of their
/// kind does: the admitting doctor and nurse, the transport's nurse, the doctor meeting a
/// private arrival and the senior doctor of a severe ambulance. A member works for the
/// department of the shift they are on, so a nurse deployed elsewhere for today's shift is
/// not her home ward's nurse during it (docs/domain-model.md §Schedules). A patient who is on
/// the staff does not count as their own ward's doctor or nurse.
public struct DepartmentRule: AuditRule {
    /// Who a place needs: doctors, senior doctors or nurses.
    enum Kind: CaseIterable {
        case doctor, seniorDoctor, nurse
    }

    public let id = AuditRuleID.department
    public let claim = "staff named for a unit work for its department when one of them is at work"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        let working = DepartmentShifts(lake)
        let places = ["admission doctor", "admission nurse", "transport physician", "transport nurse"]
        var checked = 0
        var failures = [String: Int]()
        var examples = AuditExamples()
        func named(_ staff: String, _ kind: Kind, _ what: String, for department: String?, at minute: Int?, patientID: String) {
            guard !staff.isEmpty, let department, let minute, let serial = lake.roster.serial(ofStaff: staff),
                let posting = lake.duty.posting(of: serial, at: minute)
            else { return }
            checked += 1
            // The patient, when a member of staff, is not their own ward's doctor or nurse.
            let patient = lake.roster.serial(ofPerson: patientID)
            guard posting.department != department && working.anyone(kind, of: department, at: minute, except: patient) else {
                return
            }
            failures[what, default: 0] += 1
            examples.note("\(what) of \(posting.department) for \(department) at \(LakeClock.stamp(minute))")
        }
        for row in lake.rows.admissions where row.admitted {
            let department = row.staffDepartment.isEmpty ? lake.policy.unitDepartment[row.unit] : row.staffDepartment
            named(row.doctorID, .doctor, "admission doctor", for: department, at: row.admissionTime, patientID: row.patientID)
            named(row.nurseID, .nurse, "admission nurse", for: department, at: row.admissionTime, patientID: row.patientID)
        }
        for row in lake.rows.transports {
            let department = lake.policy.unitDepartment[row.unit]
            let physician: Kind = row.ambulance ? .seniorDoctor : .doctor
            named(row.physicianID, physician, "transport physician", for: department, at: row.time, patientID: row.patientID)
            named(row.nurseID, .nurse, "transport nurse", for: department, at: row.time, patientID: row.patientID)
        }
        let counts = places.map { "\($0) \(failures[$0] ?? 0)" }.joined(separator: ", ")
        return verdict(checked: checked, failures: failures.values.reduce(0, +), detail: examples.after(counts))
    }

    /// Every shift by department and kind of staff, so "was anyone of this kind working for
    /// that department then" is a search: starts in order, with the latest end so far.
    struct DepartmentShifts {
        struct Shifts {
            var starts: [Int] = []
            var ends: [Int] = []
            var serials: [Int] = []
            var reach: [Int] = []
            var longest = 0
        }

        private var byKey: [String: Shifts] = [:]

        init(_ lake: AuditedLake) {
            var spans: [String: [(span: MinuteSpan, serial: Int)]] = [:]
            for (serial, shifts) in lake.duty.shifts.enumerated() {
                let member = lake.roster.members[serial]
                for (shift, posting) in zip(shifts, lake.duty.postings[serial]) {
                    for kind in Kind.allCases where Self.is(member, kind, senior: posting.senior) {
                        spans[Self.key(kind, posting.department), default: []].append((shift, serial))
                    }
                }
            }
            for (key, list) in spans {
                var shifts = Shifts()
                var latest = Int.min
                for (span, serial) in list.sorted(by: { ($0.span.start, $0.serial) < ($1.span.start, $1.serial) }) {
                    shifts.starts.append(span.start)
                    shifts.ends.append(span.end)
                    shifts.serials.append(serial)
                    latest = max(latest, span.end)
                    shifts.reach.append(latest)
                    shifts.longest = max(shifts.longest, span.end - span.start)
                }
                byKey[key] = shifts
            }
        }

        static func key(_ kind: Kind, _ department: String) -> String { "\(kind) \(department)" }

        static func `is`(_ member: StaffRoster.Member, _ kind: Kind, senior: Bool) -> Bool {
            switch kind {
            case .doctor: member.is(.doctor)
            case .seniorDoctor: member.is(.doctor) && senior
            case .nurse: member.is(.nurse)
            }
        }

        /// Whether someone of `kind` other than `patient` works a shift for `department` covering `minute`.
        func anyone(_ kind: Kind, of department: String, at minute: Int, except patient: Int?) -> Bool {
            guard let shifts = byKey[Self.key(kind, department)] else { return false }
            var low = 0, high = shifts.starts.count
            while low < high {
                let middle = (low + high) / 2
                if shifts.starts[middle] <= minute { low = middle + 1 } else { high = middle }
            }
            guard low > 0 && shifts.reach[low - 1] > minute else { return false }
            guard let patient else { return true }
            // Rarely asked (a patient on the staff): look at each shift that could cover the minute.
            var index = low - 1
            while index >= 0 && shifts.starts[index] > minute - shifts.longest {
                if shifts.ends[index] > minute && shifts.serials[index] != patient { return true }
                index -= 1
            }
            return false
        }
    }
}
