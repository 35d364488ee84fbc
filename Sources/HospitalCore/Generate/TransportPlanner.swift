/// How each visitor came in (docs/domain-model.md §Transports): an ambulance with an EMT at work when the case is
/// severe or the patient very young or old, a senior doctor at work on board for the most
/// severe; otherwise private transport, met by a doctor of the receiving department when one
/// is at work. Everyone named is at work at the arrival minute (night shifts run into the morning),
/// for the department of the shift they are on, and nobody attends their own transport.
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
            let patient = visit.person
            let physician: Int?
            if ambulance {
                // A senior doctor at work for the most severe: the department's, else the hospital's; on the
                // calendar's first morning, before anyone is at work, a senior doctor on the roster. Where
                // the schedules could call no senior in, a doctor at work (the audit reports it).
                if severity >= rules.seniorDoctorSeverity {
                    var pool = roster.atWork(roster.seniorDoctors[department], for: department, at: minute, except: patient)
                    if pool.isEmpty { pool = roster.atWork(roster.allSeniorDoctors, at: minute, except: patient) }
                    if pool.isEmpty {
                        let seniors = roster.atWork(roster.allDoctors, at: minute).isEmpty
                        pool = roster.attending(
                            department: department, of: seniors ? roster.seniorDoctors : roster.doctors,
                            hospital: seniors ? roster.allSeniorDoctors : roster.allDoctors, at: minute, except: patient)
                    }
                    physician = rng.pick(pool, orElse: [])
                } else {
                    physician = nil
                }
            } else {
                physician = rng.pick(roster.atWork(roster.doctors[department], for: department, at: minute, except: patient), orElse: [])
            }
            return Transport(
                id: streams.uuid(.transportID, date.dayNumber, index), visit: visit, ambulance: ambulance,
                paramedic: ambulance
                    ? rng.pick(
                        roster.attending(department: nil, of: [], hospital: roster.paramedics, at: minute, except: patient), orElse: [])
                    : nil,
                physician: physician,
                nurse: rng.pick(
                    roster.attending(department: department, of: roster.nurses, hospital: roster.allNurses, at: minute, except: patient),
                    orElse: [])
            )
        }
    }
}
