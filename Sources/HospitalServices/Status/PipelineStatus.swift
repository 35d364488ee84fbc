import Foundation
import HospitalCore

/// The pipeline at a glance, as `hospital status` prints it: a pure function of a
/// `LakeSnapshot`, the calendar and the time. A day counts as
/// - generated when its admissions flag exists (the day's last step),
/// - published when its daily summary is in processed/ and none of its outbox files (the
///   day's transports, the previous day's transfers, the summary) is left in batch/,
/// - landed when stream/ holds at least as many events of that sim date as its flagged
///   outbox files have rows (transfers of a day are written the next day, so they count once written),
/// - loaded as the batch ingestor reports it in its health file (`days_loaded`); the ledger
///   itself is in PostgreSQL, which status does not connect to.
public struct PipelineStatus: Equatable, Sendable {
    public let calendarDays: Int
    public let setupDone: Int
    public let setupTotal: Int
    public let generated: Int
    public let published: Int
    public let landed: Int
    public let landedEvents: Int
    public let loaded: Int?
    public let waitingInBatch: Int
    public let failedFiles: Int
    /// Who set what aside: "batch-ingestor 2, producer 1".
    public let failedBy: String
    public let setAsideEvents: Int
    public let state: SchedulerState?
    public let stateNote: String?
    /// Remaining time at the scheduler's rate; nil while it waits, when no rate tells it.
    public let etaSeconds: Int?
    /// What each waiting service waits for, and since when: the pipeline's hold-ups.
    public let waits: [String]
    public let services: [String]

    public init(calendar: SimCalendar, snapshot: LakeSnapshot, now: Double) {
        calendarDays = calendar.dayCount
        setupTotal = LakeFlag.Setup.allCases.count
        setupDone = LakeFlag.Setup.allCases.filter { snapshot.setupFlags.contains(LakeFlag.setup($0).name) }.count
        let flags = Set(snapshot.dailyFlags)
        let days = calendar.dates.filter { flags.contains(LakeFlag.admissions($0).name) }
        generated = days.count
        let processed = Set(snapshot.processed)
        let waiting = Set(
            snapshot.batch.compactMap { OutboxFile(entry: $0) }.map { $0.kind == .transfers ? $0.date.adding(days: 1) : $0.date })
        published = days.filter { processed.contains(LakeFileName.dailySummary($0).name) && !waiting.contains($0) }.count
        landed =
            days.filter { date in
                let expected = snapshot.outboxRows[date] ?? 0
                return expected > 0 && snapshot.landedEvents[date, default: 0] >= expected
            }.count
        landedEvents = snapshot.landedEvents.values.reduce(0, +)
        loaded = snapshot.health["batch-ingestor"]?.counts["days_loaded"]
        waitingInBatch = snapshot.batch.count
        failedFiles = snapshot.failed.filter { LakeFileName(name: $0)?.kind != .errorReport }.count
        failedBy = snapshot.failedBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        setAsideEvents = snapshot.setAsideEvents
        state = snapshot.state
        stateNote = snapshot.stateNote
        etaSeconds = snapshot.health["scheduler"].flatMap { $0.status == .waiting ? nil : Self.eta($0, total: calendar.dayCount) }
        waits = HealthReporter.services.compactMap { service in
            guard let record = snapshot.health[service], record.status == .waiting else { return nil }
            let since = record.since ?? record.progressAt
            let when = Date(timeIntervalSince1970: since).ISO8601Format()
            return "\(service) \(record.detail) since \(when) (\(Int((now - since).rounded()))s)"
        }
        services = HealthReporter.services.compactMap { service in
            snapshot.health[service].map { record in
                let detail = record.detail.isEmpty ? "" : ": " + record.detail
                return "\(service) \(record.status.rawValue), beat \(Int((now - record.updatedAt).rounded()))s ago\(detail)"
            }
        }
    }

    /// Remaining days at the rate of the scheduler's current process.
    static func eta(_ record: HealthRecord, total: Int) -> Int? {
        guard let run = record.counts["days_run"], run > 0, let done = record.counts["days_completed"], done < total else { return nil }
        return Int(((record.progressAt - record.startedAt) / Double(run) * Double(total - done)).rounded())
    }

    public var lines: [String] {
        let stateText = state.map { "\($0.currentDate) \($0.status.rawValue) (\($0.daysCompleted) of \($0.daysTotal) days done)" }
        let noState = stateNote == nil ? "none (the scheduler has not started)" : "unreadable"
        let stateLine: String = "state      " + (stateText ?? noState) + (stateNote.map { " — " + $0 } ?? "")
        var failedLine = "failed     \(failedFiles) files"
        if !failedBy.isEmpty { failedLine += " (reports by \(failedBy))" }
        if setAsideEvents > 0 { failedLine += ", \(setAsideEvents) events set aside" }
        var lines: [String] = [
            stateLine,
            "setup      \(setupDone) of \(setupTotal) steps",
            "generated  \(generated) of \(calendarDays) days",
            "published  \(published) of \(calendarDays) days",
            "landed     \(landed) of \(calendarDays) days (\(landedEvents) events in stream/)",
            "loaded     " + (loaded.map { "\($0) of \(calendarDays) days" } ?? "unknown (no batch-ingestor health file)"),
            "lag        publishing \(generated - published) days, landing \(published - landed) days behind generation",
            "batch      \(waitingInBatch) files waiting",
            failedLine,
        ]
        lines += waits.map { "waiting    " + $0 }
        if let etaSeconds { lines.append("eta        \(etaSeconds)s") }
        lines += services.map { "service    " + $0 }
        return lines
    }
}
