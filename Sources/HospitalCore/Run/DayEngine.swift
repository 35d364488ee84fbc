/// Runs the hospital one day at a time, carrying the beds in use and the transfers planned
/// for the next day. Pure: the same world and dates give the same days, so a restarted run
/// replays the days it already wrote to rebuild this state instead of reading it back.
public struct DayEngine: Sendable {
    public struct Day: Sendable {
        public let date: SimDate
        public let visits: [Visit]
        public let transports: [Transport]
        public let admissions: [Admission]
        /// The transfers of the previous day's admissions, published in this day's sessions.
        public let transfersOfPreviousDay: [Transfer]
        public let wards: WardState
    }

    let world: HospitalWorld
    let visitGenerator: VisitGenerator
    let admissionSimulator: AdmissionSimulator
    let transportPlanner: TransportPlanner
    public private(set) var wards: WardState
    private var pendingTransfers: [Transfer] = []
    /// Each current inpatient's discharge minute, by person (looked up, never iterated into output).
    private var inpatientUntil: [Int: Int] = [:]
    /// The staff serial of each person on the roster at some time, -1 for everyone else.
    private let staffSerial: [Int32]

    public init(world: HospitalWorld) {
        self.world = world
        let config = world.config
        visitGenerator = VisitGenerator(
            config: config, catalog: world.catalog, streams: world.streams, volumeFactor: world.profile.volumeFactor)
        admissionSimulator = AdmissionSimulator(
            config: config, catalog: world.catalog, streams: world.streams, volumeFactor: world.profile.volumeFactor,
            lastDay: world.calendar.end)
        transportPlanner = TransportPlanner(config: config, catalog: world.catalog, streams: world.streams)
        wards = WardState(units: world.catalog.units.count)
        var serials = [Int32](repeating: -1, count: world.population.count)
        for member in world.workforce.staff { serials[member.person] = Int32(member.serial) }
        staffSerial = serials
    }

    public var capacity: [Int] { admissionSimulator.capacity }

    public mutating func run(_ date: SimDate) -> Day {
        let roster = world.roster(on: date)
        let morning = date.dayNumber * 1440
        inpatientUntil = inpatientUntil.filter { $0.value > morning }
        let catalog = world.catalog, staff = world.workforce.staff
        let visits = visitGenerator.visits(on: date, population: world.population) { [inpatientUntil, staffSerial] visit in
            // Still in a bed here (or on the way to one, triaged past midnight).
            if let until = inpatientUntil[visit.person], visit.arrival.value < until { return true }
            // Staff are not given a bed among the patients they nurse: a member on the roster
            // (or joining it within a month, longer than any stay) who needs one is admitted
            // elsewhere, so nobody is at work while an inpatient.
            let serial = Int(staffSerial[visit.person])
            guard serial >= 0, catalog.units[visit.unit].isInpatient else { return false }
            let member = staff[serial]
            return member.isActive(on: date) || (member.joined > date && member.joined.dayNumber - date.dayNumber <= 31)
        }
        let transports = transportPlanner.transports(visits, on: date, roster: roster)
        let admissions = admissionSimulator.admit(visits, on: date, wards: &wards, roster: roster)
        let sessions = world.config.clinical.sessionsPerDay
        var previous = pendingTransfers
        for index in previous.indices { previous[index].session = index * sessions / max(1, previous.count) + 1 }
        pendingTransfers = admissions.compactMap(\.transfer)
        for admission in admissions where admission.granted && catalog.units[admission.visit.unit].isInpatient {
            inpatientUntil[admission.visit.person] = max(inpatientUntil[admission.visit.person] ?? 0, admission.discharge!.value)
        }
        return Day(
            date: date, visits: visits, transports: transports, admissions: admissions,
            transfersOfPreviousDay: previous, wards: wards)
    }
}
