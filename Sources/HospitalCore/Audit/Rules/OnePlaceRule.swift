/// Nobody is in two places: no one is admitted, visits or is brought by ambulance while an
/// inpatient of another stay, and no member of staff is on duty while admitted.
public struct OnePlaceRule: AuditRule {
    /// Where a person turned up while lying in a bed.
    public enum Place: CaseIterable, Sendable {
        case admitted, visiting, transported, staffShift

        var label: String {
            switch self {
            case .admitted: "admitted"
            case .visiting: "visiting"
            case .transported: "transported"
            case .staffShift: "staff shifts"
            }
        }
    }

    public let id = AuditRuleID.onePlace
    public let claim = "nobody admitted, visiting, transported or on duty while an inpatient"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0
        var found: [Place: Int] = [:]
        var examples = AuditExamples()
        func arrival(_ place: Place, _ what: String, _ person: String, visit: String, at minute: Int) {
            checked += 1
            guard let stay = lake.stays.stay(of: person, at: minute, except: visit) else { return }
            found[place, default: 0] += 1
            examples.note("\(what) at \(LakeClock.stamp(minute)) during a stay from \(LakeClock.stamp(stay.span.start))")
        }
        for row in lake.rows.admissions where row.admitted {
            guard let minute = row.admissionTime else { continue }
            arrival(.admitted, "admission", row.patientID, visit: row.visitID, at: minute)
        }
        for row in lake.rows.visits {
            guard let minute = row.arrivalTime else { continue }
            arrival(.visiting, "visit", row.personID, visit: row.visitID, at: minute)
        }
        for row in lake.rows.transports {
            guard let minute = row.time else { continue }
            arrival(.transported, "transport", row.patientID, visit: row.visitID, at: minute)
        }
        for (person, stays) in lake.stays.byPatient.sorted(by: { $0.key < $1.key }) {
            guard let serial = lake.roster.serial(ofPerson: person) else { continue }
            for stay in stays {
                for shift in lake.duty.shifts[serial] where shift.overlaps(stay.span) {
                    checked += 1
                    found[.staffShift, default: 0] += 1
                    examples.note("staff on duty \(LakeClock.stamp(shift.start)) while admitted \(LakeClock.stamp(stay.span.start))")
                }
            }
        }
        let counts = Place.allCases.map { "\($0.label) \(found[$0] ?? 0)" }.joined(separator: ", ")
        return verdict(checked: checked, failures: found.values.reduce(0, +), detail: examples.after(counts))
    }
}
