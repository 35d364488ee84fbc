import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Testing

/// Each `analytics` view over the golden lake, against totals the test derives from the
/// lake's own files (docs/warehouse.md §Analytics views).
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(5)))
struct AnalyticsViewTests {
    typealias F = WarehouseFixture
    typealias A = AnalyticsFixture

    @Test func censusCountsTheStaysSpanningEachMidnightAgainstTheRunsCapacity() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        let summaries = try A.summaries(layout)
        let inpatient = F.config.clinical.units.filter { $0.care == "Inpatient" }.map(\.name)
        #expect(data.census.count == Profile.golden.calendar.dayCount * inpatient.count)
        let stays = try F.csvRows(layout, prefix: "admissions_").filter { $0[16] == "Admitted" && $0[10] == "Inpatient" }
            .map { (unit: $0[11], from: A.minute($0[15]), to: A.minute($0[18])) }
        var occupiedSomewhere = 0
        for row in data.census {
            let midnight = SimMinute(date: row.date.adding(days: 1), minuteOfDay: 0)
            let expected = stays.filter { $0.unit == row.unit && $0.from <= midnight && $0.to > midnight }.count
            #expect(row.occupied == expected, "\(row.date) \(row.unit)")
            let unit = summaries[row.date]?.first { $0["unit"] as? String == row.unit }
            #expect(row.capacity == unit?["capacity"] as? Int, "\(row.date) \(row.unit) capacity")
            // Both count the beds held at midnight (docs/lake.md §Daily summary).
            #expect(row.occupied == unit?["occupied_at_midnight"] as? Int, "\(row.date) \(row.unit) against the summary")
            occupiedSomewhere += row.occupied
        }
        #expect(occupiedSomewhere > 0)
    }

    @Test func admissionsAndDenialsPerDayAndUnitAreTheFilesRows() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        var expected: [String: [Int]] = [:]
        for visit in try F.csvRows(layout, prefix: "daily_visitors_") {
            expected[visit[11].prefix(10) + " " + visit[10], default: [0, 0, 0]][0] += 1
        }
        for admission in try F.csvRows(layout, prefix: "admissions_") {
            expected[admission[13].prefix(10) + " " + admission[11], default: [0, 0, 0]][admission[16] == "Admitted" ? 1 : 2] += 1
        }
        let viewed = Dictionary(
            uniqueKeysWithValues: data.admissions.map { ("\($0.date) \($0.unit)", [$0.visits, $0.admitted, $0.denied]) })
        #expect(viewed == expected)
        #expect(data.admissions.map(\.denied).reduce(0, +) > 0, "the golden lake turns some visits away")
    }

    @Test func lengthOfStayPerUnitIsTheMeanMedianAndP90OfItsStays() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        var days: [String: [Double]] = [:]
        var perCondition: [String: Int] = [:]
        for row in try F.csvRows(layout, prefix: "admissions_") where row[16] == "Admitted" {
            days[row[11], default: []].append(Double(A.minute(row[18]).value - A.minute(row[15]).value) / 1440)
            perCondition[row[11] + " " + row[7], default: 0] += 1
        }
        let units = data.stays.filter { $0.condition == nil }
        #expect(Set(units.map(\.unit)) == Set(days.keys))
        for unit in units {
            let sorted = try #require(days[unit.unit]).sorted()
            #expect(unit.stays == sorted.count, "\(unit.unit)")
            #expect(abs(unit.meanDays - sorted.reduce(0, +) / Double(sorted.count)) <= 0.0051, "\(unit.unit) mean")
            #expect(abs(unit.medianDays - A.percentile(sorted, 0.5)) <= 0.0051, "\(unit.unit) median")
            #expect(abs(unit.p90Days - A.percentile(sorted, 0.9)) <= 0.0051, "\(unit.unit) p90")
        }
        let conditions = data.stays.filter { $0.condition != nil }
        #expect(Dictionary(uniqueKeysWithValues: conditions.map { ($0.unit + " " + $0.condition!, $0.stays) }) == perCondition)
    }

    @Test func arrivalsByWeekdayAndHourAreTheVisitorsArrivalTimes() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        let ambulance = Set(try F.csvRows(layout, prefix: "hospital_emergency_transport_").filter { $0[11] == "Ambulance" }.map { $0[1] })
        var expected = [[Int]](repeating: [0, 0], count: 7 * 24)
        for visit in try F.csvRows(layout, prefix: "daily_visitors_") {
            let minute = A.minute(visit[11])
            let cell = (A.weekday(minute.date) - 1) * 24 + minute.minuteOfDay / 60
            expected[cell][0] += 1
            if ambulance.contains(visit[0]) { expected[cell][1] += 1 }
        }
        #expect(data.arrivals.map { [$0.weekday, $0.hour] } == (1...7).flatMap { day in (0..<24).map { [day, $0] } })
        #expect(data.arrivals.map { [$0.arrivals, $0.byAmbulance] } == expected)
    }

    @Test func transportsByTypeAndSeverityCountTheParamedicsOnTheFiles() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        var expected: [String: [Int]] = [:]
        for row in try F.csvRows(layout, prefix: "hospital_emergency_transport_") {
            expected[row[11] + " " + row[8], default: [0, 0]][0] += 1
            if !row[13].isEmpty { expected[row[11] + " " + row[8], default: [0, 0]][1] += 1 }
        }
        let viewed = Dictionary(
            uniqueKeysWithValues: data.transports.map { ("\($0.type) \($0.severity)", [$0.transports, $0.withParamedic]) })
        #expect(viewed == expected)
    }

    @Test func transfersByReasonAndDestinationAreTheFilesRows() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        var expected: [String: Int] = [:]
        for row in try F.csvRows(layout, prefix: "hospital_transfers_") {
            expected[row[12] + "|" + row[13] + "|" + row[14], default: 0] += 1
        }
        #expect(
            Dictionary(uniqueKeysWithValues: data.transfers.map { ($0.reason + "|" + $0.destination + "|" + $0.area, $0.transfers) })
                == expected)
        #expect(!expected.isEmpty)
    }

    @Test func workforcePerQuarterFollowsTheSnapshots() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        let snapshots = Dictionary(grouping: try F.csvRows(layout, prefix: "staff_active_"), by: { SimDate(iso: $0[0])! })
            .mapValues { Set($0.map { $0[1] }) }
        let dates = snapshots.keys.sorted()
        var expected: [String: [Int]] = [:]
        for (index, date) in dates.enumerated() {
            let quarter = "\(date.year) Q\((date.month - 1) / 3 + 1)"
            let previous = index == 0 ? snapshots[date]! : snapshots[dates[index - 1]]!
            var counts = expected[quarter, default: [0, 0, 0]]
            counts[0] = snapshots[date]!.count
            counts[1] += snapshots[date]!.subtracting(previous).count
            counts[2] += previous.subtracting(snapshots[date]!).count
            expected[quarter] = counts
        }
        #expect(Dictionary(uniqueKeysWithValues: data.workforce.map { ($0.quarter, [$0.active, $0.hired, $0.retired]) }) == expected)
    }

    @Test func coverageCountsTheClinicalSeniorsOnDutyPerDepartmentAndShift() async throws {
        let (layout, connection) = try await A.connect()
        let data = try AnalyticsReader(connection: connection).read()
        let clinical = Set(F.config.workforce.doctorRoles + F.config.workforce.nurseRoles)
        var shifts: [String: [Int]] = [:]
        for row in try F.csvRows(layout, prefix: "schedules_") where row[10] == "true" {
            let senior = row[3] == "Senior" && clinical.contains(row[2]) ? 1 : 0
            shifts[row[5] + "|" + row[6] + "|" + row[0], default: [0, 0]][0] += 1
            shifts[row[5] + "|" + row[6] + "|" + row[0], default: [0, 0]][1] += senior
        }
        var expected: [String: [Int]] = [:]
        for (key, counts) in shifts {
            let cell = key.split(separator: "|").prefix(2).joined(separator: "|")
            var totals = expected[cell, default: [0, 0, 0, 0]]
            totals[0] += 1
            totals[1] += counts[0]
            totals[2] += counts[1]
            totals[3] += counts[1] > 0 ? 1 : 0
            expected[cell] = totals
        }
        let viewed = Dictionary(
            uniqueKeysWithValues: data.coverage.map {
                ($0.department + "|" + $0.shift, [$0.staffedDays, $0.staffShifts, $0.seniorShifts, $0.daysWithSenior])
            })
        #expect(viewed == expected)
    }

    @Test func theReaderMayReadEveryViewAndTheLoaderNone() async throws {
        let views = try await A.connect().1.execute(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'analytics' ORDER BY 1"
        ).rows.map { $0[0]! }
        #expect(views.count == 8)
        let (reader, _) = try await RoleTests.login("hospital_reader")
        let (loader, _) = try await RoleTests.login("hospital_loader")
        for view in views {
            #expect(RoleTests.refusal("SELECT count(*) FROM analytics.\(view)", on: reader) == nil, "reader on \(view)")
            #expect(RoleTests.refusal("SELECT count(*) FROM analytics.\(view)", on: loader) == "42501", "loader on \(view)")
        }
    }
}
