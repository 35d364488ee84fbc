/// Everything the days of a run draw on, derived from (seed, profile, configs) at start:
/// the population, the staff and their quarterly changes, and the schedules. Rebuilt on
/// every start instead of read back from the lake, which other services move and load.
public struct HospitalWorld: Sendable {
    public let config: HospitalConfig
    public let catalog: Catalog
    public let profile: Profile
    public let streams: Streams
    public let names: PersonNames
    public let population: Population
    public let initialStaff: [StaffMember]
    public let reserve: [ReserveMember]
    public let workforce: WorkforceSimulator.Timeline
    public let schedule: ScheduleBook
    public let experience: ExperienceScale

    public var calendar: SimCalendar { profile.calendar }

    public init(config: HospitalConfig, profile: Profile, seed: UInt64) throws {
        self.config = config
        self.profile = profile
        let catalog = Catalog(config)
        let streams = Streams(seed: seed)
        self.catalog = catalog
        self.streams = streams
        names = PersonNames(config.demographics)
        experience = ExperienceScale(config.workforce.experienceLevels)
        population = PopulationGenerator(
            demographics: config.demographics, catalog: catalog, streams: streams, start: profile.calendar.start
        ).generate(count: profile.population)
        (initialStaff, reserve) = try StaffGenerator(config: config, catalog: catalog, streams: streams, profile: profile)
            .generate(population)
        workforce = WorkforceSimulator(config: config, catalog: catalog, streams: streams, calendar: profile.calendar)
            .simulate(population: population, staff: initialStaff, reserve: reserve)
        schedule = ScheduleGenerator(config: config, catalog: catalog, streams: streams, calendar: profile.calendar)
            .generate(workforce)
    }

    public func personID(_ person: Int) -> DeterministicUUID { streams.uuid(.personID, person) }
    public func staffID(_ serial: Int) -> DeterministicUUID { streams.uuid(.staffID, serial) }

    public func roster(on date: SimDate) -> DutyRoster {
        DutyRoster(
            entries: schedule.entries(on: date), previous: date > calendar.start ? schedule.entries(on: date.adding(days: -1)) : [],
            staff: workforce.staff, catalog: catalog, shiftWindows: shiftWindows)
    }

    /// Each shift type's minutes within its day, from the shift definitions; empty for breaks.
    var shiftWindows: [Range<Int>] { ScheduleGenerator.windows(schedule.shiftNames, config.shifts) }

    /// "Chronic Condition: Diabetes", or the plain name.
    public func conditionText(_ condition: Int, detail: Int?) -> String {
        let info = catalog.conditions[condition]
        guard let detail else { return info.name }
        return info.name + ": " + info.details[detail].name
    }
}
