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
    public var state: String { root + "/" + LakeFileName.state.name }
    public var stateBackup: String { root + "/" + LakeFileName.stateBackup.name }
    /// Held by the one process writing the lake (`LakeLock`); in `.health/`, which no golden lists.
    public var schedulerLock: String { health + "/scheduler.lock" }

    /// The folders every service expects; created at start, never assumed.
    public var folders: [String] { [root, batch, processed, failed, stream, setupFlags, dailyFlags, health] }

    /// A path relative to the root, as flags and manifests record it.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    public func path(_ relative: String) -> String { root + "/" + relative }
}
