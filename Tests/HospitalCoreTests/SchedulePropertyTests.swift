import HospitalTestSupport
import Testing

@testable import HospitalCore

/// The rules the course's schedules broke, checked over many seeds and a calendar long
/// enough for two workforce steps.
@Suite struct SchedulePropertyTests {
    @Test(arguments: TestWorld.seeds)
    func onlyActiveStaffAreScheduled(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 400)
        let staff = world.workforce.staff
        #expect(staff.count > world.initialStaff.count, "some retiree was replaced within 400 days")
        for date in world.calendar.dates {
            let scheduled = world.schedule.entries(on: date).map { Int($0.serial) }
            #expect(scheduled == world.workforce.active(on: date), "roster of \(date)")
        }
        for member in staff where member.retired != nil {
            let retired = member.retired!
            #expect(!world.schedule.entries(on: retired).contains { Int($0.serial) == member.serial })
        }
    }

    @Test(arguments: TestWorld.seeds)
    func nobodyWorksMoreThanFiveShiftsInSevenDays(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 120)
        let limit = world.config.shifts.rules.maxShiftsPerWeek
        var worked: [Int: [Int]] = [:]
        for date in world.calendar.dates {
            for entry in world.schedule.entries(on: date) where entry.onDuty {
                worked[Int(entry.serial), default: []].append(date.dayNumber)
            }
        }
        for (serial, days) in worked {
            for (index, day) in days.enumerated() {
                let window = days[index...].prefix { $0 < day + 7 }.count
                #expect(window <= limit, "staff \(serial) works \(window) shifts from day \(day)")
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func everyDepartmentAtWorkHasASeniorWheneverAnySeniorWorks(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 60)
        for date in world.calendar.dates {
            let onDuty = world.schedule.entries(on: date).filter(\.onDuty)
            guard onDuty.contains(where: \.senior) else { continue }
            for department in Set(onDuty.map(\.department)) {
                #expect(onDuty.contains { $0.department == department && $0.senior }, "department \(department) on \(date)")
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func nobodyIsHiredOldEnoughToRetireAtOnce(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed)
        let start = world.calendar.start
        for member in world.initialStaff {
            let age = world.population.age(member.person, on: start)
            #expect(age <= world.config.workforce.maxHireAge)
            #expect(age >= world.catalog.roleMinimumAge[member.role])
        }
    }

    @Test(arguments: TestWorld.seeds)
    func everyoneRestsElevenHoursBetweenShifts(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 60)
        var lastEnd: [Int: Int] = [:]
        for date in world.calendar.dates {
            for entry in world.schedule.entries(on: date) where entry.onDuty {
                let window = world.shiftWindows[Int(entry.shift)]
                let start = date.dayNumber * 1440 + window.lowerBound
                if let end = lastEnd[Int(entry.serial)] {
                    #expect(start - end >= ScheduleGenerator.minimumRestMinutes, "staff \(entry.serial) on \(date)")
                }
                lastEnd[Int(entry.serial)] = date.dayNumber * 1440 + window.upperBound
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func aDoctorANurseAndAParamedicAreAtWorkAtEveryMinute(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 60)
        let staff = world.workforce.staff
        for date in world.calendar.dates.dropFirst() {
            let roster = world.roster(on: date)
            for minute in stride(from: 0, to: 1440, by: 15) {
                for (kind, pool) in [("doctor", roster.allDoctors), ("nurse", roster.allNurses), ("paramedic", roster.paramedics)] {
                    let someone = !roster.atWork(pool, at: minute).isEmpty
                    #expect(someone, "no \(kind) at \(date) minute \(minute)")
                }
            }
            #expect(roster.paramedics.allSatisfy { world.catalog.isParamedic[staff[$0].role] })
        }
    }

    /// Best effort, so pinned on the golden world: there the calls fill every gap (the
    /// cycle alone left three nights without a senior doctor).
    @Test func aSeniorDoctorIsCalledInWhereTheCycleLeavesNone() throws {
        let world = try TestWorld.world(seed: Settings.defaultSeed)
        for date in world.calendar.dates.dropFirst() {
            let roster = world.roster(on: date)
            for minute in stride(from: 0, to: 1440, by: 15) {
                #expect(!roster.atWork(roster.allSeniorDoctors, at: minute).isEmpty, "no senior doctor at \(date) minute \(minute)")
            }
        }
    }

    @Test(arguments: TestWorld.seeds)
    func serviceNeverExceedsAgeMinusTheRoleMinimum(seed: UInt64) throws {
        let world = try TestWorld.world(seed: seed, days: 400)
        let stepDays = world.config.workforce.stepDays
        for date in world.workforce.steps.map(\.date) {
            for member in world.workforce.staff where member.isActive(on: date) {
                let age = world.population.age(member.person, on: date)
                let quarters = member.quarters(on: date, stepDays: stepDays)
                #expect(quarters <= (age - world.catalog.roleMinimumAge[member.role]) * 4, "staff \(member.serial) on \(date)")
            }
        }
    }
}
