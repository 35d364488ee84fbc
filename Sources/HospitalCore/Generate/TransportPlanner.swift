/// How each visitor came in (docs/domain-model.md §Transports): an ambulance with an EMT on duty when the case is
/// severe or the patient very young or old, a senior doctor on board for the most severe;
/// otherwise private transport, met by a doctor of the receiving department when one is on duty.
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
            let physician: Int?
            if ambulance {
                physician =
                    severity >= rules.seniorDoctorSeverity
                    ? rng.pick(roster.seniorDoctors[department], orElse: roster.allSeniorDoctors) : nil
            } else {
                physician = rng.pick(roster.doctors[department], orElse: [])
            }
            return Transport(
                id: streams.uuid(.transportID, date.dayNumber, index), visit: visit, ambulance: ambulance,
                paramedic: ambulance ? rng.pick(roster.paramedics, orElse: []) : nil,
                physician: physician,
                nurse: rng.pick(roster.nurses[department], orElse: roster.allNurses))
        }
    }
}
