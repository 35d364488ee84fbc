import Foundation

/// Every path of the lake (docs/lake.md §Folders), derived from its root; nothing else names a path.
public struct LakeLayout: Sendable {
    public let root: String

    public init(root: String) { self.root = root.hasSuffix("/") ? String(root.dropLast()) : root }

    public var batch: String { root + "/batch" }
    public var processed: String { root + "/processed" }
    public var failed: String { root + "/failed" }
    public var stream: String { root + "/stream" }
    public var setupFlags: String { root + "/.setup_flags" }
    public var dailyFlags: String { root + "/.daily_flags" }
    public var health: String { root + "/.health" }
    /// Where `hospital report` writes by default: derived from the warehouse, never part of a golden.
    public var reports: String { root + "/.reports" }
    public var report: String { reports + "/report.html" }
    public var state: String { root + "/scheduler_state.json" }

    /// The folders every service expects; created at start, never assumed.
    public var folders: [String] { [root, batch, processed, failed, stream, setupFlags, dailyFlags, health] }

    /// A path relative to the root, as flags and manifests record it.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    public func path(_ relative: String) -> String { root + "/" + relative }
}

/// The lake's file names (docs/lake.md §Files). They are the contract with the services and the course's tooling.
public enum LakeName {
    public static let people = "people_data.csv"
    public static let illnesses = "population_with_illnesses.csv"
    public static let staff = "staff_data.csv"
    public static let reserve = "reserve_pool.csv"
    public static func staffActive(_ date: SimDate) -> String { "staff_active_\(date).csv" }
    public static func workforceSummary(_ date: SimDate) -> String { "workforce_summary_\(date).txt" }
    public static func schedules(_ month: SimDate) -> String { "schedules_\(month.monthKey).csv" }
    public static func visitors(_ date: SimDate) -> String { "daily_visitors_\(date).csv" }
    public static func transport(_ date: SimDate, session: Int) -> String {
        "hospital_emergency_transport_\(date)_session_\(session).csv"
    }
    public static func transportReport(_ date: SimDate, session: Int) -> String {
        "hospital_emergency_transport_\(date)_session_\(session).txt"
    }
    public static func transfers(_ date: SimDate, session: Int) -> String { "hospital_transfers_\(date)_session_\(session).csv" }
    public static func transfersReport(_ date: SimDate, session: Int) -> String {
        "hospital_transfers_\(date)_session_\(session).txt"
    }
    public static func admissions(_ date: SimDate) -> String { "admissions_\(date).csv" }
    public static func hospitalSummary(_ date: SimDate) -> String { "hospital_summary_\(date).txt" }
    public static func dailySummary(_ date: SimDate) -> String { "daily_summary_\(date).json" }
}

/// The flags (docs/lake.md §Flags): setup steps by name, daily steps by date and session.
public enum LakeFlag {
    public enum Setup: String, CaseIterable, Sendable {
        case people = "people_generated"
        case illnesses = "illnesses_assigned"
        case staff = "staff_generated"
        case workforce = "workforce_simulated"
        case schedules = "schedules_generated"
    }

    public static func setup(_ step: Setup) -> String { ".setup_flags/\(step.rawValue).flag" }
    public static func visitors(_ date: SimDate) -> String { ".daily_flags/visitors_\(date).flag" }
    public static func admissions(_ date: SimDate) -> String { ".daily_flags/admissions_\(date).flag" }
    public static func transport(_ date: SimDate, session: Int) -> String {
        ".daily_flags/transport_\(date)_session_\(session).flag"
    }
    public static func transfers(_ date: SimDate, session: Int) -> String {
        ".daily_flags/transfers_\(date)_session_\(session).flag"
    }
}

extension LakeLayout {
    /// Moves `batch/<name>` into `folder` by rename (never a copy) and makes the move durable.
    public func move(batchFile name: String, to folder: String) throws {
        try move(batchFiles: [name], to: folder)
    }

    /// Moves several files with one pair of folder syncs: a sync costs milliseconds, and
    /// the producer moves hundreds of small files at a time. A crash before the syncs
    /// leaves some files in batch/, which is where they were before the move.
    public func move(batchFiles names: [String], to folder: String) throws {
        for name in names {
            guard rename(batch + "/" + name, folder + "/" + name) == 0 else {
                throw LakeError.io(path: batch + "/" + name, operation: "rename to \(relative(folder))/", code: errno)
            }
        }
        LakeFolders.sync(folder)
        LakeFolders.sync(batch)
    }
}
