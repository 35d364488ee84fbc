import Foundation
import HospitalArchive
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Testing

/// The report of the golden lake: pinned byte for byte in Golden/golden/report.html, and
/// every chart's totals equal to the views' own sums, asked of PostgreSQL.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(5)))
struct ReportGoldenTests {
    typealias F = WarehouseFixture
    typealias A = AnalyticsFixture

    static func page(_ connection: PQConnection) throws -> String {
        let data = try AnalyticsReader(connection: connection).read()
        return String(decoding: ReportPage.render(data, context: ReportContext(profile: "golden", config: F.config)), as: UTF8.self)
    }

    /// `name=total` pairs of the figure `id`'s `data-totals`.
    static func totals(_ html: String, figure id: String) -> [String: Int] {
        guard let start = html.range(of: "<figure id=\"\(id)\"") else { return [:] }
        let rest = html[start.upperBound...]
        guard let open = rest.range(of: "data-totals=\""), let close = rest[open.upperBound...].firstIndex(of: "\"") else { return [:] }
        var totals: [String: Int] = [:]
        for pair in rest[open.upperBound..<close].split(separator: ";") {
            let parts = pair.split(separator: "=")
            totals[String(parts[0]).replacingOccurrences(of: "&amp;", with: "&")] = Int(parts[1])
        }
        return totals
    }

    static func sum(_ connection: PQConnection, _ sql: String) throws -> Int { Int(try connection.execute(sql).firstValue ?? "") ?? -1 }

    @Test func goldenProfileReportMatchesItsFixture() async throws {
        let (_, connection) = try await A.connect()
        let html = try Self.page(connection)
        #expect(try Self.page(connection) == html, "two renderings of the same rows differ")
        let fixture = F.repository + "/Golden/golden/report.html"
        switch try GoldenText.check(html, fixture: fixture, name: "golden/report.html") {
        case .matches: break
        case .recorded: Issue.record("recorded \(fixture); run again without GOLDEN_RECORD to verify")
        case .differs(let diff): Issue.record("\(diff)")
        }
    }

    @Test func pageNeedsNoScriptAndNoNetwork() async throws {
        let (_, connection) = try await A.connect()
        let html = try Self.page(connection)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "http").count - 1 == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    }

    @Test func chartTotalsEqualTheViewsTotals() async throws {
        let (_, connection) = try await A.connect()
        let html = try Self.page(connection)
        let s = { (sql: String) in try Self.sum(connection, sql) }
        #expect(
            Self.totals(html, figure: "daily-flow") == [
                "Visits": try s("SELECT sum(visits) FROM analytics.admissions_daily"),
                "Admitted": try s("SELECT sum(admitted) FROM analytics.admissions_daily"),
            ])
        #expect(
            Self.totals(html, figure: "daily-denials") == [
                "Denied: capacity full": try s("SELECT sum(denied) FROM analytics.admissions_daily")
            ])
        let wards = try connection.execute("SELECT unit, sum(occupied) FROM analytics.ward_census_daily GROUP BY unit").rows
        #expect(wards.count == F.config.clinical.units.filter { $0.care == "Inpatient" }.count)
        for ward in wards {
            let id = ReportPage.figureID(ward: ward[0]!)
            #expect(Self.totals(html, figure: id) == ["Bed-nights occupied": Int(ward[1]!)!], "\(id)")
        }
        #expect(
            Self.totals(html, figure: "length-of-stay") == [
                "Stays": try s("SELECT sum(stays) FROM analytics.length_of_stay WHERE condition IS NULL")
            ])
        #expect(
            Self.totals(html, figure: "arrivals") == [
                "Arrivals": try s("SELECT sum(arrivals) FROM analytics.arrivals_by_hour"),
                "By ambulance": try s("SELECT sum(by_ambulance) FROM analytics.arrivals_by_hour"),
            ])
        let types = try connection.execute(
            "SELECT transport_type, sum(transports), sum(with_paramedic) FROM analytics.transports_by_type GROUP BY 1"
        ).rows
        #expect(Self.totals(html, figure: "transports") == Dictionary(uniqueKeysWithValues: types.map { ($0[0]!, Int($0[1]!)!) }))
        #expect(
            Self.totals(html, figure: "paramedic-share")
                == Dictionary(uniqueKeysWithValues: types.map { ($0[0]! + " with paramedic", Int($0[2]!)!) }))
        let transfers = try s("SELECT sum(transfers) FROM analytics.transfers_by_reason")
        #expect(Self.totals(html, figure: "transfers-reason") == ["Transfers": transfers])
        #expect(Self.totals(html, figure: "transfers-destination") == ["Transfers": transfers])
        #expect(
            Self.totals(html, figure: "workforce-active") == [
                "Active at the end": try s("SELECT active FROM analytics.workforce_quarterly ORDER BY quarter_start DESC LIMIT 1")
            ])
        #expect(
            Self.totals(html, figure: "workforce-flows") == [
                "Hired": try s("SELECT sum(hired) FROM analytics.workforce_quarterly"),
                "Retired": try s("SELECT sum(retired) FROM analytics.workforce_quarterly"),
            ])
        #expect(
            Self.totals(html, figure: "coverage") == [
                "Senior shifts": try s("SELECT sum(senior_shifts) FROM analytics.schedule_coverage"),
                "Staff shifts": try s("SELECT sum(staff_shifts) FROM analytics.schedule_coverage"),
            ])
    }
}
