/// How each visitor came in (docs/domain-model.md §Transports): an ambulance with an EMT at work when the case is
/// severe or the patient very young or old, a senior doctor at work on board for the most
/// severe; otherwise private transport, met by a doctor of the receiving department when one
/// is at work. Everyone named is at work at the arrival minute (night shifts run into the morning).
public struct TransportPlanner: Sendable {
    let catalog: Catalog
    let rules: ClinicalModel.Transport
    let streams: Streams

    public init(config: HospitalConfig, catalog: Catalog, streams: Streams) {
        self.catalog = catalog
        rules = config.clinical.transport
        self.streams = streams
    }

    public func transports(_ visits: [Visit], on date: SimDate, roster: DutyRoster) -> [Transport] {
        var rng = streams.stream(.transports, date.dayNumber)
        return visits.enumerated().map { index, visit in
            let severity = catalog.conditions[visit.condition].severity
            let department = catalog.unitDepartment[visit.unit]
            let ambulance =
                severity >= rules.ambulanceMinSeverity || visit.age >= rules.ambulanceMinAge
                || visit.age < rules.ambulanceUnderAge
            let minute = visit.arrival.minuteOfDay
            let physician: Int?
            if ambulance {
                // A senior doctor at work for the most severe: the department's, else the hospital's, else any doctor at work.
                if severity >= rules.seniorDoctorSeverity {
                    var pool = roster.atWork(roster.seniorDoctors[department], at: minute)
                    if pool.isEmpty { pool = roster.atWork(roster.allSeniorDoctors, at: minute) }
                    if pool.isEmpty {
                        pool = roster.attending(department: roster.doctors[department], hospital: roster.allDoctors, at: minute)
                    }
                    physician = rng.pick(pool, orElse: [])
                } else {
                    physician = nil
                }
            } else {
                physician = rng.pick(roster.atWork(roster.doctors[department], at: minute), orElse: [])
            }
            return Transport(
                id: streams.uuid(.transportID, date.dayNumber, index), visit: visit, ambulance: ambulance,
                paramedic: ambulance
                    ? rng.pick(roster.attending(department: [], hospital: roster.paramedics, at: minute), orElse: []) : nil,
                physician: physician,
                nurse: rng.pick(roster.attending(department: roster.nurses[department], hospital: roster.allNurses, at: minute), orElse: [])
            )
        }
    }
}
