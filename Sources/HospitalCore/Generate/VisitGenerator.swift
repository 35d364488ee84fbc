/// A day's visitors: the base intake of the period (docs/domain-model.md §Visits), a share of routine
/// visits, the month's seasonal cases, each at an hour drawn from the arrival weights.
public struct VisitGenerator: Sendable {
    let catalog: Catalog
    let clinical: ClinicalModel
    let streams: Streams
    let volumeFactor: Int
    let reducedPeriod: Range<SimDate>

    public init(config: HospitalConfig, catalog: Catalog, streams: Streams, volumeFactor: Int) {
        self.catalog = catalog
        clinical = config.clinical
        self.streams = streams
        self.volumeFactor = volumeFactor
        reducedPeriod = SimDate(iso: clinical.intake.reducedFrom)!..<SimDate(iso: clinical.intake.reducedUntil)!
    }

    /// The day's visits; `isAway(visit)` drops a visit of someone who cannot come (an inpatient
    /// still in a bed, staff who would take one), and a person comes at most once a day.
    public func visits(on date: SimDate, population: Population, isAway: (Visit) -> Bool = { _ in false }) -> [Visit] {
        var rng = streams.stream(.visitors, date.dayNumber)
        let intake = clinical.intake
        let limit = reducedPeriod.contains(date) ? intake.reducedMonthlyLimit : intake.monthlyLimit
        let base = Profile.scale(rng.int(in: intake.minimumDaily...limit / 30), by: volumeFactor, minimum: 1)
        let routine = intake.routineReasons.map { catalog.conditionIndex(named: $0.name)! }
        let routineWeights = intake.routineReasons.map(\.weight)
        var drafts: [(person: Int, condition: Int, detail: Int?, reason: Visit.Reason)] = []
        for _ in 0..<base {
            let person = rng.below(population.count)
            if rng.chance(intake.routineVisitShare) {
                drafts.append((person, routine[rng.weighted(routineWeights)], nil, .routine))
            } else {
                let issues = population.issueList(person)
                let condition = issues.isEmpty ? catalog.noIllness : issues[rng.below(issues.count)]
                drafts.append((person, condition, detail(of: condition, person: person, population: population), .illness))
            }
        }
        for seasonal in intake.seasonal where seasonal.months.contains(date.month) {
            let condition = catalog.conditionIndex(named: seasonal.condition)!
            let extra = Int((Double(base) * seasonal.share).rounded())
            for _ in 0..<extra {
                let person = plausiblePerson(for: condition, on: date, population: population, rng: &rng)
                drafts.append((person, condition, detail(of: condition, person: person, population: population), .seasonal))
            }
        }
        var visits: [Visit] = []
        visits.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let minute = rng.weighted(intake.arrivalHourWeights) * 60 + rng.below(60)
            let age = population.age(draft.person, on: date)
            visits.append(
                Visit(
                    id: streams.uuid(.visitID, date.dayNumber, index), person: draft.person, age: age,
                    condition: draft.condition, detail: draft.detail,
                    unit: unit(condition: draft.condition, detail: draft.detail, age: age),
                    arrival: SimMinute(date: date, minuteOfDay: minute), reason: draft.reason, session: 0))
        }
        // Ties keep draw order, so the order never rests on the sort algorithm's stability.
        visits = visits.indices.sorted { (visits[$0].arrival, $0) < (visits[$1].arrival, $1) }.map { visits[$0] }
        var came = Set<Int>()  // membership only, never iterated
        visits = visits.filter { !isAway($0) && came.insert($0.person).inserted }
        let sessions = clinical.sessionsPerDay
        for index in visits.indices { visits[index].session = index * sessions / max(1, visits.count) + 1 }
        return visits
    }

    /// A random person who could have the condition: an issue nobody of their age group
    /// carries (alcohol at age 1) or one they are not eligible for is drawn again.
    private func plausiblePerson(for condition: Int, on date: SimDate, population: Population, rng: inout SplitMix64) -> Int {
        let info = catalog.conditions[condition]
        var person = rng.below(population.count)
        guard condition < catalog.issueCount else { return person }
        for _ in 0..<64 {
            let age = population.age(person, on: date)
            if catalog.isEligible(condition, gender: population.gender[person], age: age)
                && info.probability[catalog.ageGroup(forAge: age)] > 0
            {
                return person
            }
            person = rng.below(population.count)
        }
        return person
    }

    private func detail(of condition: Int, person: Int, population: Population) -> Int? {
        guard let slot = catalog.detailConditions.firstIndex(of: condition) else { return nil }
        return population.detail(person, slot: slot)
    }

    /// The unit a condition routes to; children's inpatient stays go to the pediatric ward.
    func unit(condition: Int, detail: Int?, age: Int) -> Int {
        let info = catalog.conditions[condition]
        let unit = detail.map { info.details[$0].unit } ?? info.unit
        let pediatrics = clinical.pediatrics
        if age <= pediatrics.maxAge, pediatrics.fromUnits.contains(catalog.units[unit].name) {
            return catalog.units.firstIndex { $0.name == pediatrics.unit }!
        }
        return unit
    }
}
