/// The quarterly workforce steps: service grows a quarter, people retire at the retirement
/// age (or after long service at a small quarterly rate), and each retiree's post is filled
/// from the reserve, same experience level first.
public struct WorkforceSimulator: Sendable {
    public struct Step: Sendable {
        public let date: SimDate
        public let retired: [Int]
        public let hired: [Int]
        public let reserveLeft: Int
    }

    public struct Timeline: Sendable {
        /// Every member ever on the roster, by serial.
        public let staff: [StaffMember]
        public let steps: [Step]

        public func active(on date: SimDate) -> [Int] {
            staff.indices.filter { staff[$0].isActive(on: date) }
        }
    }

    let config: HospitalConfig
    let catalog: Catalog
    let streams: Streams
    let calendar: SimCalendar

    public init(config: HospitalConfig, catalog: Catalog, streams: Streams, calendar: SimCalendar) {
        self.config = config
        self.catalog = catalog
        self.streams = streams
        self.calendar = calendar
    }

    public var stepDates: [SimDate] {
        stride(from: 0, to: calendar.dayCount, by: config.workforce.stepDays).map { calendar.start.adding(days: $0) }
    }

    public func simulate(population: Population, staff initial: [StaffMember], reserve initialReserve: [ReserveMember]) -> Timeline {
        let workforce = config.workforce
        let scale = ExperienceScale(workforce.experienceLevels)
        var staff = initial
        var reserve = initialReserve
        var steps: [Step] = []
        for (index, date) in stepDates.enumerated() {
            guard index > 0 else {
                steps.append(Step(date: date, retired: [], hired: [], reserveLeft: reserve.count))
                continue
            }
            var rng = streams.stream(.workforce, date.dayNumber)
            var retired: [Int] = []
            for serial in staff.indices where staff[serial].isActive(on: date) && staff[serial].joined < date {
                let member = staff[serial]
                let age = population.age(member.person, on: date)
                let quarters = member.quarters(on: date, stepDays: workforce.stepDays)
                if age >= workforce.retirementAge {
                    staff[serial].retired = date
                    staff[serial].retirementReason = .age
                } else if quarters >= workforce.longServiceYears * 4, rng.chance(workforce.longServiceQuarterlyRetirement) {
                    staff[serial].retired = date
                    staff[serial].retirementReason = .longService
                } else {
                    continue
                }
                retired.append(serial)
            }
            var hired: [Int] = []
            var reserveAges = reserve.map { population.age($0.person, on: date) }
            for serial in retired {
                let leaver = staff[serial]
                let level = scale.level(quarters: leaver.quarters(on: date, stepDays: workforce.stepDays))
                let minimum = catalog.roleMinimumAge[leaver.role]
                // As at setup: a year past the role's minimum age, service counted only from it.
                let fits = reserve.indices.filter { reserveAges[$0] > minimum && reserveAges[$0] < workforce.retirementAge }
                let service = { (index: Int) in min(reserve[index].quarters, (reserveAges[index] - minimum - 1) * 4) }
                let sameLevel = fits.filter { scale.level(quarters: service($0)) == level }
                let pool = sameLevel.isEmpty ? fits : sameLevel
                guard !pool.isEmpty else { continue }
                let pick = pool[rng.below(pool.count)]
                let quarters = service(pick)
                reserveAges.remove(at: pick)
                let recruit = reserve.remove(at: pick)
                hired.append(staff.count)
                staff.append(
                    StaffMember(
                        serial: staff.count, person: recruit.person, role: leaver.role, department: leaver.department,
                        hired: date, quartersAtHire: quarters, joined: date))
            }
            steps.append(Step(date: date, retired: retired, hired: hired, reserveLeft: reserve.count))
        }
        return Timeline(staff: staff, steps: steps)
    }
}
