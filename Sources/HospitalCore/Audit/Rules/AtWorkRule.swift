/// Everyone an admission or a transport names is of the right kind of staff and on a shift
/// (or called from the reserve) at that minute.
public struct AtWorkRule: AuditRule {
    /// A place on a row that names a member of staff, and the kind of staff it needs.
    public enum Place: CaseIterable, Sendable {
        case admissionDoctor, admissionNurse, transportParamedic, transportPhysician, transportNurse

        public var label: String {
            switch self {
            case .admissionDoctor: "admission doctor"
            case .admissionNurse: "admission nurse"
            case .transportParamedic: "transport paramedic"
            case .transportPhysician: "transport physician"
            case .transportNurse: "transport nurse"
            }
        }

        public var needs: StaffRoster.Kind {
            switch self {
            case .admissionDoctor, .transportPhysician: .doctor
            case .admissionNurse, .transportNurse: .nurse
            case .transportParamedic: .paramedic
            }
        }
    }

    public let id = AuditRuleID.atWork
    public let claim = "everyone named on an admission or transport works a shift covering that minute"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0, wrongRole = 0, unknown = 0
        var notAtWork: [Place: Int] = [:]
        var examples = AuditExamples()
        func named(_ place: Place, _ id: String, at minute: Int) {
            guard !id.isEmpty else { return }
            checked += 1
            guard let serial = lake.roster.serial(ofStaff: id) else {
                unknown += 1
                return
            }
            let member = lake.roster.members[serial]
            if !member.is(place.needs) { wrongRole += 1 }
            // Before the calendar's first shift, whoever worked the night before is not in the lake.
            guard minute >= lake.duty.firstStart && !lake.duty.atWork(serial, minute) else { return }
            notAtWork[place, default: 0] += 1
            examples.note("\(place.label) \(member.role) at \(LakeClock.stamp(minute))")
        }
        for row in lake.rows.admissions where row.admitted {
            guard let minute = row.admissionTime else { continue }
            named(.admissionDoctor, row.doctorID, at: minute)
            named(.admissionNurse, row.nurseID, at: minute)
        }
        for row in lake.rows.transports {
            guard let minute = row.time else { continue }
            named(.transportParamedic, row.paramedicID, at: minute)
            named(.transportPhysician, row.physicianID, at: minute)
            named(.transportNurse, row.nurseID, at: minute)
        }
        let absent = notAtWork.values.reduce(0, +)
        let byPlace = Place.allCases.map { "\($0.label) \(notAtWork[$0] ?? 0)" }.joined(separator: ", ")
        let counts = "not at work \(absent) (\(byPlace)), wrong role \(wrongRole), not on the staff \(unknown)"
        return verdict(
            checked: checked, failures: absent + wrongRole + unknown,
            detail: examples.after(counts) + "; transfers name no staff (\(lake.rows.transfers) rows)")
    }
}
