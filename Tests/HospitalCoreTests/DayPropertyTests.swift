import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

/// What must hold of every simulated day, over many seeds.
@Suite struct DayPropertyTests {
    private func days(_ world: HospitalWorld) -> [DayEngine.Day] {
        var engine = DayEngine(world: world)
        return world.calendar.dates.map { engine.run($0) }
    }

    @Test(arguments: TestWorld.seeds)
    func noInpatientUnitIsEverOverCapacity(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 30)
        let engine = DayEngine(world: world)
        let stays = days(world).flatMap(\.admissions).filter { $0.granted && world.catalog.units[$0.visit.unit].isInpatient }
        #expect(!stays.isEmpty)
        for stay in stays {
            let together = stays.filter {
                $0.visit.unit == stay.visit.unit && $0.admitted <= stay.admitted && stay.admitted < $0.discharge!
            }
            #expect(together.count <= engine.capacity[stay.visit.unit], "unit \(stay.visit.unit) at \(stay.admitted.value)")
        }
        let denied = days(world).flatMap(\.admissions).filter { !$0.granted }
        #expect(denied.allSatisfy { $0.doctor == nil && $0.discharge == nil })
    }

    @Test(arguments: TestWorld.seeds)
    func everyoneNamedIsAtWorkAtTheMinute(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 21)
        let firstShift = world.schedule.days[0].filter(\.onDuty).map { world.shiftWindows[Int($0.shift)].lowerBound }.min()!
        for day in days(world) {
            let roster = world.roster(on: day.date)
            let first = day.date == world.calendar.start
            for admission in day.admissions where admission.granted {
                let doctor = try #require(admission.doctor)
                let nurse = try #require(admission.nurse)
                let minute = admission.admitted.value - day.date.dayNumber * 1440
                if !first || minute >= firstShift {
                    let both = roster.atWork(doctor, at: minute) && roster.atWork(nurse, at: minute)
                    #expect(both, "\(day.date) minute \(minute)")
                }
                #expect(world.catalog.isDoctor[world.workforce.staff[doctor].role])
                #expect(world.catalog.isNurse[world.workforce.staff[nurse].role])
            }
            for transport in day.transports {
                let minute = transport.visit.arrival.minuteOfDay
                if transport.ambulance { #expect(transport.paramedic != nil, "\(day.date) minute \(minute)") }
                for serial in [transport.paramedic, transport.physician, transport.nurse].compactMap({ $0 })
                where !first || minute >= firstShift {
                    let atWork = roster.atWork(serial, at: minute)
                    #expect(atWork, "\(day.date) minute \(minute)")
                }
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func nobodyComesBackWhileStillInABed(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 30)
        var until: [Int: Int] = [:]
        for day in days(world) {
            for visit in day.visits {
                #expect(visit.arrival.value >= until[visit.person] ?? Int.min, "person \(visit.person) on \(day.date)")
            }
            for admission in day.admissions where admission.granted && world.catalog.units[admission.visit.unit].isInpatient {
                until[admission.visit.person] = max(until[admission.visit.person] ?? 0, admission.discharge!.value)
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func pregnancyIsOnlyForWomenOfPlausibleAge(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed)
        let catalog = world.catalog
        let pregnancy = try #require(catalog.conditionIndex(named: "Pregnancy"))
        let start = world.calendar.start
        // The golden world's 2,000 people hold a handful of pregnancies or none, and none would
        // pass this test vacuously; the same generator and seed drawing 50,000 hold enough to count.
        let population = PopulationGenerator(
            demographics: TestWorld.config.demographics, catalog: catalog, streams: world.streams, start: start
        ).generate(count: 50_000)
        var pregnant = 0
        var expected = 0.0
        for person in 0..<population.count {
            let age = population.age(person, on: start)
            if catalog.isEligible(pregnancy, gender: population.gender[person], age: age) {
                expected += catalog.conditions[pregnancy].probability[catalog.ageGroup(forAge: age)]
            }
            guard population.issues[person] & (1 << UInt64(pregnancy)) != 0 else { continue }
            pregnant += 1
            #expect(world.names.gender(population, person) == "Female")
            #expect((15...49).contains(age))
        }
        // Each woman of 15–49 is pregnant with her age group's probability from the config, so
        // the count is near the sum of those probabilities.
        #expect(expected >= 50 && Double(pregnant) >= expected / 2, "\(pregnant) pregnant, \(expected) expected")
        for rule in ConditionsRule.ageRules {
            let condition = try #require(catalog.conditions.indices.first { catalog.conditions[$0].name.hasPrefix(rule.condition) })
            for person in 0..<population.count where population.issues[person] & (1 << UInt64(condition)) != 0 {
                #expect(population.age(person, on: start) >= rule.minimumAge, "\(rule.condition)")
            }
        }
        for day in days(world) {
            for visit in day.visits where visit.condition == pregnancy {
                #expect(world.names.gender(world.population, visit.person) == "Female")
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func transfersAreAdmittedInpatientsOfThePreviousDay(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 20)
        let all = days(world)
        for (previous, day) in zip(all, all.dropFirst()) {
            let planned = previous.admissions.compactMap(\.transfer).map(\.id)
            #expect(day.transfersOfPreviousDay.map(\.id) == planned)
            for transfer in day.transfersOfPreviousDay {
                let admission = try #require(previous.admissions.first { $0.id == transfer.admission })
                #expect(admission.granted && world.catalog.units[admission.visit.unit].isInpatient)
                #expect(admission.discharge == transfer.time)
                let hours = (transfer.time.value - transfer.admitted.value) / 60
                #expect((4...20).contains(hours))
            }
        }
    }

    /// A day's draws come from streams keyed by its date, never from the days an engine ran
    /// before it: an engine that ran the calendar up to a day and a fresh engine run on that
    /// day alone draw the same visits. The history may only take away the visits of people
    /// it put in a bed (and so let a later visit of the same person through that day).
    @Test func aDayDoesNotDependOnTheDaysRunBeforeIt() throws {
        let world = try TestWorld.world(seed: 9)
        var continued = DayEngine(world: world)
        var inBedUntil: [Int: Int] = [:]
        var same = 0
        func drawn(_ visit: Visit) -> Visit {
            var visit = visit
            visit.session = 0  // sessions split what is left after the history's visits are taken away
            return visit
        }
        for date in world.calendar.dates {
            let day = continued.run(date)
            var fresh = DayEngine(world: world)
            let alone = fresh.run(date).visits
            let kept = Set(day.visits.map(\.id))
            let aloneByID = Dictionary(uniqueKeysWithValues: alone.map { ($0.id, drawn($0)) })
            // Drawn otherwise, or drawn though a fresh engine draws it only once the person's
            // earlier visit is taken away and it was not.
            let changed = day.visits.filter { visit in
                guard let twin = aloneByID[visit.id] else {
                    return !alone.contains { $0.person == visit.person && $0.arrival <= visit.arrival && !kept.contains($0.id) }
                }
                return twin != drawn(visit)
            }
            let dropped = alone.filter { !kept.contains($0.id) && $0.arrival.value >= inBedUntil[$0.person] ?? .min }
            let first = changed.first.map { "\($0)" } ?? ""
            #expect(
                changed.count == 0,
                "\(date): \(changed.count) of \(day.visits.count) visits differ after the days before it, first \(first)")
            #expect(dropped.count == 0, "\(date): \(dropped.count) visits of people not in a bed taken away")
            same += day.visits.count - changed.count
            for admission in day.admissions where admission.granted && world.catalog.units[admission.visit.unit].isInpatient {
                inBedUntil[admission.visit.person] = max(inBedUntil[admission.visit.person] ?? 0, admission.discharge!.value)
            }
        }
        #expect(same > 0)
    }

    @Test func sessionsSplitTheDayInOrder() throws {
        let world = try TestWorld.world(seed: 4)
        var engine = DayEngine(world: world)
        let day = engine.run(world.calendar.start)
        #expect(day.visits.map(\.session) == day.visits.map(\.session).sorted())
        #expect(Set(day.visits.map(\.session)).isSubset(of: Set(1...5)))
    }
}
