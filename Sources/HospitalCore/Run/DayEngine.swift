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
    }

    public var capacity: [Int] { admissionSimulator.capacity }

    public mutating func run(_ date: SimDate) -> Day {
        let roster = world.roster(on: date)
        let visits = visitGenerator.visits(on: date, population: world.population)
        let transports = transportPlanner.transports(visits, on: date, roster: roster)
        let admissions = admissionSimulator.admit(visits, on: date, wards: &wards, roster: roster)
        let sessions = world.config.clinical.sessionsPerDay
        var previous = pendingTransfers
        for index in previous.indices { previous[index].session = index * sessions / max(1, previous.count) + 1 }
        pendingTransfers = admissions.compactMap(\.transfer)
        return Day(
            date: date, visits: visits, transports: transports, admissions: admissions,
            transfersOfPreviousDay: previous, wards: wards)
    }
}
