import Foundation
import HospitalCore

/// `lake/.health/<service>.json`: a service's heartbeat and progress. Wall-clock by nature
/// and never part of a golden; Compose's healthcheck and `hospital status` read it.
public struct HealthRecord: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        case starting, running, waiting, idle, stopped, failed
    }

    public var service: String
    public var status: Status
    public var detail: String
    /// Seconds since 1970 of the last heartbeat, of the last change of `counts`, and of start.
    public var updatedAt: Double
    public var progressAt: Double
    public var startedAt: Double
    /// Seconds since 1970 when the status and detail became what they are: how long a
    /// service has waited for what its detail names. Nil in files of older versions.
    public var since: Double?
    public var counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case service, status, detail, since, counts
        case updatedAt = "updated_at"
        case progressAt = "progress_at"
        case startedAt = "started_at"
    }

    public init(
        service: String, status: Status, detail: String = "", updatedAt: Double, progressAt: Double, startedAt: Double,
        counts: [String: Int] = [:]
    ) {
        self.service = service
        self.status = status
        self.detail = detail
        self.updatedAt = updatedAt
        self.progressAt = progressAt
        self.startedAt = startedAt
        self.since = startedAt
        self.counts = counts
    }

    /// Healthy for Compose: beating within `maxAge` seconds and neither stopped nor failed.
    /// Waiting counts as healthy: a scheduler held back by a slow ingestor is alive.
    public func isFresh(now: Double, maxAge: Double) -> Bool {
        status != .stopped && status != .failed && now - updatedAt <= maxAge
    }

    public static func path(_ service: String, in layout: LakeLayout) -> String {
        layout.health + "/" + service + ".json"
    }

    public static func load(_ service: String, in layout: LakeLayout) -> HealthRecord? {
        guard let data = FileManager.default.contents(atPath: path(service, in: layout)) else { return nil }
        return try? JSONDecoder().decode(HealthRecord.self, from: data)
    }

    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [UInt8]((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
