import Foundation
import HospitalCore

/// Where `scheduler_state.json` lives and how it survives a crash: written by rename with a
/// `.bak` of the one before.
extension SchedulerState {
    /// Replaces the state atomically, keeping the previous one as `.bak`.
    public func save(to layout: LakeLayout) throws {
        if LakeFolders.exists(layout.state) {
            let backup = layout.stateBackup
            let previous = try Data(contentsOf: URL(fileURLWithPath: layout.state))
            try LakeFile.write([UInt8](previous), to: backup)
        }
        try LakeFile.write(json, to: layout.state)
        LakeFolders.sync(layout.root)
    }

    public static func load(from layout: LakeLayout) throws -> SchedulerState? {
        try load(path: layout.state)
    }

    /// The state as a reader should take it: the file, or its `.bak` when the file is
    /// corrupt (a crash cannot make it so, since it is replaced by rename, but a disk or a
    /// hand can), with a note saying so; nil with a note when neither can be read.
    public static func recover(from layout: LakeLayout) -> (state: SchedulerState?, note: String?) {
        do {
            return (try load(path: layout.state), nil)
        } catch {
            let backup = layout.stateBackup
            if let state = try? load(path: backup) {
                return (state, "\(LakeFileName.state) is corrupt; read \(LakeFileName.stateBackup) (\(state.currentDate))")
            }
            return (nil, "\(LakeFileName.state) is corrupt and has no readable .bak")
        }
    }

    static func load(path: String) throws -> SchedulerState? {
        guard LakeEntry.kind(path) == .regular, let data = try? Data(LakeEntry.read(path)) else { return nil }
        struct Stored: Decodable {
            let current_sim_date: String
            let status: String
            let profile: String
            let seed: String
            let days_completed: Int
            let days_total: Int
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: data),
            let date = SimDate(iso: stored.current_sim_date), let status = Status(rawValue: stored.status),
            let seed = UInt64(stored.seed)
        else { throw LakeError.badState(path: path, reason: "not a scheduler state this version wrote") }
        return SchedulerState(
            currentDate: date, status: status, profile: stored.profile, seed: seed,
            daysCompleted: stored.days_completed, daysTotal: stored.days_total)
    }
}
