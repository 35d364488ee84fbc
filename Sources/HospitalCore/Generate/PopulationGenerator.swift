import Dispatch

/// Draws the population and its illnesses in fixed chunks, each from its own stream, so the
/// result is the same whether the chunks run on one thread or on every core.
public struct PopulationGenerator: Sendable {
    public static let chunkSize = 1 << 16

    let demographics: Demographics
    let catalog: Catalog
    let streams: Streams
    let start: SimDate

    public init(demographics: Demographics, catalog: Catalog, streams: Streams, start: SimDate) {
        self.demographics = demographics
        self.catalog = catalog
        self.streams = streams
        self.start = start
    }

    public func generate(count: Int) -> Population {
        let chunks = (count + Self.chunkSize - 1) / Self.chunkSize
        let parts = parallelMap(chunks) { chunk in
            let size = min(count, (chunk + 1) * Self.chunkSize) - chunk * Self.chunkSize
            var part = Population(count: size)
            fillPeople(&part, chunk: chunk)
            fillIllnesses(&part, chunk: chunk)
            return part
        }
        var population = Population(count: 0)
        for part in parts { population.append(part) }
        return population
    }

    private func fillPeople(_ population: inout Population, chunk: Int) {
        var rng = streams.stream(.population, chunk)
        let raceWeights = demographics.races.map(\.weight)
        let ages = demographics.ageYears[0]...demographics.ageYears[1]
        let numbers = demographics.addressNumbers[0]...demographics.addressNumbers[1]
        let (startYear, startMonth, startDay) = start.components
        for person in 0..<population.count {
            let r = rng.weighted(raceWeights)
            let g = rng.below(2)
            let names = demographics.races[r]
            population.race[person] = UInt8(r)
            population.gender[person] = UInt8(g)
            population.firstName[person] = UInt16(rng.below(g == 0 ? names.male.count : names.female.count))
            population.surname[person] = UInt16(rng.below(names.surnames.count))
            let age = rng.int(in: ages)
            let anniversary = SimDate(year: startYear - age, month: startMonth, day: min(startDay, 28))
            population.birthDay[person] = Int32(anniversary.adding(days: -rng.below(365)).dayNumber)
            population.houseNumber[person] = UInt8(rng.int(in: numbers))
            population.street[person] = UInt8(rng.below(demographics.streets.count))
            population.city[person] = UInt8(rng.below(demographics.cities.count))
        }
    }

    /// One independent draw per issue with the age group's probability (docs/domain-model.md §Population), ages as
    /// of the simulation start; eligibility rules keep pregnancy to women of plausible age.
    private func fillIllnesses(_ population: inout Population, chunk: Int) {
        var rng = streams.stream(.illness, chunk)
        let slots = catalog.detailConditions
        for person in 0..<population.count {
            let age = population.age(person, on: start)
            let group = catalog.ageGroup(forAge: age)
            var bits: UInt64 = 0
            for issue in 0..<catalog.issueCount {
                let condition = catalog.conditions[issue]
                let hit = rng.chance(condition.probability[group])
                guard hit else { continue }
                guard catalog.isEligible(issue, gender: population.gender[person], age: age) else { continue }
                bits |= 1 << UInt64(issue)
            }
            var detail: UInt16 = 0
            for (slot, issue) in slots.enumerated() where bits & (1 << UInt64(issue)) != 0 {
                let details = catalog.eligibleDetails(issue, age: age)
                detail |= UInt16(details[rng.below(details.count)]) << UInt16(slot * 4)
            }
            population.issues[person] = bits
            population.details[person] = detail
        }
    }
}
