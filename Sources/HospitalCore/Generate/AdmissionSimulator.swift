/// Triage, beds and places for a day's visits, in order of the time each patient is ready
/// to be admitted. Beds carry over in `WardState`; a patient admitted is attended by a
/// doctor and a nurse on duty that day; some inpatients are planned for transfer.
public struct AdmissionSimulator: Sendable {
    let catalog: Catalog
    let clinical: ClinicalModel
    let streams: Streams
    let capacity: [Int]
    let lastDay: SimDate

    public init(config: HospitalConfig, catalog: Catalog, streams: Streams, volumeFactor: Int, lastDay: SimDate) {
        self.catalog = catalog
        self.lastDay = lastDay
        clinical = config.clinical
        self.streams = streams
        capacity = catalog.units.map { Profile.scale($0.capacity, by: volumeFactor, minimum: 1) }
    }

    public func admit(_ visits: [Visit], on date: SimDate, wards: inout WardState, roster: DutyRoster) -> [Admission] {
        var rng = streams.stream(.admissions, date.dayNumber)
        let triage = visits.map { visit in
            let condition = catalog.conditions[visit.condition]
            let drawn = Int(rng.normal(mean: condition.triageMean, sd: condition.triageSD).rounded())
            return max(clinical.minimumTriageMinutes, drawn)
        }
        let order = visits.indices.sorted {
            (visits[$0].arrival.value + triage[$0], $0) < (visits[$1].arrival.value + triage[$1], $1)
        }
        let morning = SimMinute(date: date, minuteOfDay: 0)
        for unit in catalog.units.indices where catalog.units[unit].isInpatient { wards.release(unit: unit, by: morning) }
        var placesUsed = [Int](repeating: 0, count: catalog.units.count)
        var admissions: [Admission] = []
        admissions.reserveCapacity(visits.count)
        for index in order {
            let visit = visits[index]
            let unit = catalog.units[visit.unit]
            let time = visit.arrival.adding(minutes: triage[index])
            let id = streams.uuid(.admissionID, date.dayNumber, index)
            var granted = false
            var discharge: SimMinute?
            var transfer: Transfer?
            if unit.isInpatient {
                if wards.occupied(visit.unit, at: time) < capacity[visit.unit] {
                    granted = true
                    let stay = catalog.conditions[visit.condition].stay ?? 1...1
                    let hours = clinical.dischargeHours
                    var leaves = SimMinute(
                        date: time.date.adding(days: rng.int(in: stay)),
                        minuteOfDay: rng.int(in: hours[0]...hours[1]) * 60 + rng.below(60))
                    // The last day's admissions have no next day to publish a transfer on.
                    if rng.chance(clinical.transfers.shareOfInpatients), date < lastDay {
                        transfer = planTransfer(visit, admission: id, at: time, rng: &rng)
                        leaves = transfer!.time
                    }
                    discharge = leaves
                    wards.occupy(unit: visit.unit, from: time, until: leaves)
                }
            } else if placesUsed[visit.unit] < capacity[visit.unit] {
                placesUsed[visit.unit] += 1
                granted = true
                let hours = clinical.outpatientStayHours
                discharge = time.adding(minutes: rng.int(in: hours[0] * 60...hours[1] * 60))
            }
            let department = catalog.unitDepartment[visit.unit]
            let minute = time.value - date.dayNumber * 1440
            // Never the patient: a member of staff at work may come in as an outpatient.
            let patient = visit.person
            admissions.append(
                Admission(
                    id: id, visit: visit, triageMinutes: triage[index], admitted: time, granted: granted, discharge: discharge,
                    doctor: granted
                        ? rng.pick(
                            roster.attending(
                                department: department, of: roster.doctors, hospital: roster.allDoctors, at: minute, except: patient),
                            orElse: []) : nil,
                    nurse: granted
                        ? rng.pick(
                            roster.attending(
                                department: department, of: roster.nurses, hospital: roster.allNurses, at: minute, except: patient),
                            orElse: []) : nil,
                    transfer: transfer))
        }
        return admissions
    }

    private func planTransfer(_ visit: Visit, admission: DeterministicUUID, at time: SimMinute, rng: inout SplitMix64) -> Transfer {
        let transfers = clinical.transfers
        let unitName = catalog.units[visit.unit].name
        let reasons = transfers.reasons.indices.filter {
            transfers.reasons[$0].fromUnits.isEmpty || transfers.reasons[$0].fromUnits.contains(unitName)
        }
        let reason = reasons[rng.below(reasons.count)]
        let facilities = clinical.facilities.indices.filter {
            if let only = clinical.facilities[$0].fromUnits, !only.contains(unitName) { return false }
            switch transfers.reasons[reason].to {
            case "hospital": return clinical.facilities[$0].kind == "hospital"
            case "rehabilitation": return clinical.facilities[$0].rehabilitation
            default: return true
            }
        }
        let delay = rng.int(in: transfers.delayHours[0] * 60...transfers.delayHours[1] * 60)
        let severe = catalog.conditions[visit.condition].severity >= transfers.ambulanceMinSeverity
        let ambulance = transfers.modes.firstIndex { $0.name == "Ambulance" } ?? 0
        let mode = severe ? ambulance : rng.weighted(transfers.modes.map(\.weight))
        return Transfer(
            id: streams.uuid(.transferID, admission.hashValueStable, 0), admission: admission, person: visit.person,
            age: visit.age, condition: visit.condition, detail: visit.detail, unit: visit.unit, admitted: time,
            time: time.adding(minutes: delay), reason: reason, facility: facilities[rng.below(facilities.count)],
            mode: mode, session: 0)
    }
}
