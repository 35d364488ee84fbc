import Foundation
import HospitalCore
import HospitalLake
import Logging

/// Keeps `lake/.health/<service>.json` fresh. Services call `beat` from their loops as
/// often as they like: the file is rewritten at most every `minimumInterval` seconds unless
/// the status changes, so a tight loop costs nothing. A write that fails is logged, never
/// thrown: a full disk must not stop a service that could otherwise drain it. It is tried
/// again after the same interval, and said once a minute while it keeps failing.
public final class HealthReporter {
    /// The services of docker-compose.yml, as their healthchecks name them.
    public static let services = ["producer", "stream-processor", "batch-ingestor", "scheduler"]

    public let service: String
    let layout: LakeLayout
    let logger: Logger
    let minimumInterval: Double
    let now: () -> Double
    public private(set) var record: HealthRecord
    private var lastWrite = -Double.infinity
    private var failing = RepeatedWarning()

    public init(
        service: String, layout: LakeLayout, logger: Logger, minimumInterval: Double = 1,
        now: @escaping () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.service = service
        self.layout = layout
        self.logger = logger
        self.minimumInterval = minimumInterval
        self.now = now
        let started = now()
        record = HealthRecord(service: service, status: .starting, updatedAt: started, progressAt: started, startedAt: started)
    }

    /// Records liveness; `counts` that differ from the last ones also mark progress.
    public func beat(_ status: HealthRecord.Status = .running, detail: String? = nil, counts: [String: Int]? = nil) {
        let time = now()
        let changed = status != record.status
        if changed || (detail.map { $0 != record.detail } ?? false) { record.since = time }
        record.status = status
        if let detail { record.detail = detail }
        if let counts, counts != record.counts {
            record.counts = counts
            record.progressAt = time
        }
        record.updatedAt = time
        guard changed || time - lastWrite >= minimumInterval else { return }
        write(at: time)
    }

    /// `beat` for loops that know what they did this turn rather than in total: adds
    /// `increments` to the counts.
    public func beat(_ status: HealthRecord.Status = .running, detail: String? = nil, adding increments: [String: Int]) {
        var counts = record.counts
        for (key, value) in increments { counts[key, default: 0] += value }
        beat(status, detail: detail, counts: counts)
    }

    /// Writes the final status at once (stopped on SIGTERM, failed on an error).
    public func finish(_ status: HealthRecord.Status = .stopped, detail: String? = nil) {
        lastWrite = -.infinity
        beat(status, detail: detail)
    }

    private func write(at time: Double) {
        do {
            try LakeFile.write(record.json, to: HealthRecord.path(service, in: layout))
            failing.cleared()
        } catch {
            if let times = failing.occurred(at: time) {
                logger.warning(
                    "health file not written",
                    metadata: [LogKey.service: "\(service)", LogKey.reason: "\(error)", LogKey.occurrences: "\(times)"])
            }
        }
        lastWrite = time
    }
}
