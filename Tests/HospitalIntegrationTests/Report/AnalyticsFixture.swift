import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse

/// The whole golden-profile lake (its 14 days) loaded once into its own database, for the
/// analytics views' tests and the report's: each test opens its own connection to it.
enum AnalyticsFixture {
    typealias F = WarehouseFixture

    struct Loaded: Sendable {
        let layout: LakeLayout
        let settings: ConnectionSettings
    }

    static let shared = Task<Loaded, any Error> {
        let layout = try F.lake(days: Profile.golden.calendar.dayCount, name: "analytics")
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database("analytics"))
        while try ingestor.drainOnce().loaded > 0 {}
        return Loaded(layout: layout, settings: connection.settings)
    }

    static func connect() async throws -> (LakeLayout, PQConnection) {
        let loaded = try await shared.value
        return (loaded.layout, try await PQConnection.connect(loaded.settings, retry: .once, logger: F.logger))
    }

    /// `YYYY-MM-DD HH:MM:SS` as minutes since 1970.
    static func minute(_ text: String) -> SimMinute {
        let date = SimDate(iso: text.prefix(10))!
        let clock = text.dropFirst(11).split(separator: ":").map { Int($0)! }
        return SimMinute(date: date, minuteOfDay: clock[0] * 60 + clock[1])
    }

    /// ISO weekday: 1 Monday .. 7 Sunday (1970-01-01 was a Thursday).
    static func weekday(_ date: SimDate) -> Int { ((date.dayNumber + 3) % 7 + 7) % 7 + 1 }

    /// PostgreSQL's `percentile_cont`: linear between the two values around the fraction.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    /// Each daily summary of the lake, by date: its units as JSON objects.
    static func summaries(_ layout: LakeLayout) throws -> [SimDate: [[String: Any]]] {
        var summaries: [SimDate: [[String: Any]]] = [:]
        for date in Profile.golden.calendar.dates {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: layout.processed + "/" + LakeFileName.dailySummary(date).name))
            let object = try JSONSerialization.jsonObject(with: bytes) as! [String: Any]
            summaries[date] = object["units"] as? [[String: Any]]
        }
        return summaries
    }
}
