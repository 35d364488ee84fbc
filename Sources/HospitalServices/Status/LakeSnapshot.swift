import Foundation
import HospitalCore
import HospitalLake

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
    /// The failed/ reports by the service that wrote them (files, and events set aside).
    public var failedBy: [String: Int] = [:]
    public var setAsideEvents = 0
    /// Said when the state had to be read from its `.bak`, or could not be read at all.
    public var stateNote: String?
    /// Events landed in stream/, by the `sim_date` of each event.
    public var landedEvents: [SimDate: Int] = [:]
    /// Outbox rows the flags record, by the date in the outbox file's name (one per summary).
    public var outboxRows: [SimDate: Int] = [:]
    public var health: [String: HealthRecord] = [:]

    public init() {}

    public static func read(_ layout: LakeLayout) -> LakeSnapshot {
        var snapshot = LakeSnapshot()
        (snapshot.state, snapshot.stateNote) = SchedulerState.recover(from: layout)
        snapshot.setupFlags = names(layout.setupFlags)
        snapshot.dailyFlags = names(layout.dailyFlags)
        snapshot.batch = names(layout.batch)
        snapshot.processed = names(layout.processed)
        snapshot.failed = names(layout.failed)
        for flag in snapshot.dailyFlags {
            guard case .flag(let parsed) = LakeFileName(name: flag), parsed.listsOutbox else { continue }
            let path = layout.dailyFlags + "/" + flag
            guard LakeEntry.kind(path) == .regular, let bytes = try? LakeEntry.read(path) else { continue }
            for (file, rows) in outputs(Data(bytes)) {
                guard let outbox = OutboxFile(name: String(file.split(separator: "/").last ?? "")) else { continue }
                snapshot.outboxRows[outbox.date, default: 0] += rows
            }
        }
        for topic in names(layout.stream) {
            for name in names(layout.stream + "/" + topic) where LakeFileName(name: name)?.kind == .streamChunk {
                let path = layout.stream + "/" + topic + "/" + name
                guard LakeEntry.kind(path) == .regular, let bytes = try? LakeEntry.read(path) else { continue }
                countSimDates(bytes, into: &snapshot.landedEvents)
            }
        }
        for name in snapshot.failed {
            guard case .errorReport(let quarantined) = LakeFileName(name: name) else { continue }
            let path = layout.failed + "/" + name
            guard LakeEntry.kind(path) == .regular, let bytes = try? LakeEntry.read(path),
                let report = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            else { continue }
            snapshot.failedBy[report["service"] as? String ?? "unknown", default: 0] += 1
            let setAside = (report["set_aside"] as? String).flatMap { Int($0) }
            snapshot.setAsideEvents += setAside ?? 0
            // A chunk the ingestor quarantined was landed all the same: its events count as landed.
            if setAside == nil, (report["file"] as? String)?.hasPrefix("stream/") == true,
                LakeEntry.kind(layout.failed + "/" + quarantined) == .regular,
                let chunk = try? LakeEntry.read(layout.failed + "/" + quarantined)
            {
                countSimDates(chunk, into: &snapshot.landedEvents)
            }
        }
        for service in HealthReporter.services {
            if let record = HealthRecord.load(service, in: layout) { snapshot.health[service] = record }
        }
        return snapshot
    }

    private static func names(_ folder: String) -> [String] {
        LakeFolders.names(in: folder)
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
    /// The search walks the bytes once; `Data.range(of:in:)` copied what was left of the
    /// file on every call, which made a full lake's stream/ take minutes (quadratic).
    public static func countSimDates(_ bytes: [UInt8], into counts: inout [SimDate: Int]) {
        let pattern = Array("\"sim_date\":\"".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var at = 0
            let last = buffer.count - pattern.count - 10
            while at <= last {
                guard buffer[at] == pattern[0], buffer[at + 1] == pattern[1] else {
                    at += 1
                    continue
                }
                var matched = 2
                while matched < pattern.count, buffer[at + matched] == pattern[matched] { matched += 1 }
                guard matched == pattern.count else {
                    at += 1
                    continue
                }
                let start = at + pattern.count
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + 10]), as: UTF8.self)
                if let date = SimDate(iso: text) { counts[date, default: 0] += 1 }
                at = start + 10
            }
        }
    }
}
