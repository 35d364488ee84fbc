import Foundation
import HospitalCore

/// What `hospital status` needs of a lake, read in one pass: the reading half, so that
/// `PipelineStatus` is a pure function of it. Reads names, flags and the landed events'
/// `sim_date`, never the batch files themselves.
public struct LakeSnapshot: Sendable {
    public var state: SchedulerState?
    public var setupFlags: [String] = []
    public var dailyFlags: [String] = []
    public var batch: [String] = []
    public var processed: [String] = []
    public var failed: [String] = []
    /// Events landed in stream/, by the `sim_date` of each event.
    public var landedEvents: [SimDate: Int] = [:]
    /// Outbox rows the flags record, by the date in the outbox file's name (one per summary).
    public var outboxRows: [SimDate: Int] = [:]
    public var health: [String: HealthRecord] = [:]

    public init() {}

    public static func read(_ layout: LakeLayout) -> LakeSnapshot {
        var snapshot = LakeSnapshot()
        snapshot.state = try? SchedulerState.load(from: layout)
        snapshot.setupFlags = names(layout.setupFlags)
        snapshot.dailyFlags = names(layout.dailyFlags)
        snapshot.batch = names(layout.batch)
        snapshot.processed = names(layout.processed)
        snapshot.failed = names(layout.failed)
        for flag in snapshot.dailyFlags where !flag.hasPrefix("visitors_") {
            guard let data = FileManager.default.contents(atPath: layout.dailyFlags + "/" + flag) else { continue }
            for (file, rows) in outputs(data) {
                guard let outbox = OutboxFile(name: String(file.split(separator: "/").last ?? "")) else { continue }
                snapshot.outboxRows[outbox.date, default: 0] += rows
            }
        }
        for topic in names(layout.stream) {
            for name in names(layout.stream + "/" + topic) where name.hasSuffix(".json") {
                guard let data = FileManager.default.contents(atPath: layout.stream + "/" + topic + "/" + name) else { continue }
                countSimDates(data, into: &snapshot.landedEvents)
            }
        }
        for service in HealthReporter.services {
            if let record = HealthRecord.load(service, in: layout) { snapshot.health[service] = record }
        }
        return snapshot
    }

    private static func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasSuffix(".tmp") }.sorted()
    }

    /// A flag's outputs as (file, rows).
    private static func outputs(_ data: Data) -> [(String, Int)] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let outputs = object["outputs"] as? [[String: Any]]
        else { return [] }
        return outputs.compactMap { output in
            guard let file = output["file"] as? String, let rows = output["rows"] as? Int else { return nil }
            return (file, rows)
        }
    }

    /// Counts `"sim_date":"YYYY-MM-DD"` occurrences: the encoder writes exactly one per event
    /// with that spelling, so a byte search is enough and avoids parsing millions of objects.
    public static func countSimDates(_ data: Data, into counts: inout [SimDate: Int]) {
        let pattern = Data("\"sim_date\":\"".utf8)
        var from = data.startIndex
        while let found = data.range(of: pattern, in: from..<data.endIndex) {
            let end = found.upperBound + 10
            guard end <= data.endIndex else { return }
            if let date = SimDate(iso: String(decoding: data[found.upperBound..<end], as: UTF8.self)) { counts[date, default: 0] += 1 }
            from = end
        }
    }
}
