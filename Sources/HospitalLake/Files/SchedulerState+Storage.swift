import Foundation
import HospitalCore

/// Where `scheduler_state.json` lives and how it survives a crash: written by rename with a
/// `.bak` of the one before.
extension SchedulerState {
    /// Replaces the state atomically, keeping the previous one as `.bak`.
    public func save(to layout: LakeLayout) throws {
        if LakeEntry.kind(layout.state) != .missing {
            try LakeFile.write(try LakeEntry.read(layout.state), to: layout.stateBackup)
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

    /// nil when there is no state; a state that is not a regular file (a folder, a link) or
    /// not one this version wrote is refused, never taken for a fresh lake.
    static func load(path: String) throws -> SchedulerState? {
        let kind = LakeEntry.kind(path)
        if kind == .missing { return nil }
        guard kind == .regular else { throw LakeError.refusedState(path: path, reason: "is \(kind.noun), not a regular file") }
        struct Stored: Decodable {
            let current_sim_date: String
            let status: String
            let profile: String
            let seed: String
            let calendar_start: String?
            let calendar_end: String?
            let days_completed: Int
            let days_total: Int
            let inputs_sha256: String?
        }
        let unreadable = LakeError.refusedState(path: path, reason: "not a scheduler state this version wrote")
        guard let data = try? Data(LakeEntry.read(path)), let stored = try? JSONDecoder().decode(Stored.self, from: data),
            let date = SimDate(iso: stored.current_sim_date), let status = Status(rawValue: stored.status),
            let seed = UInt64(stored.seed)
        else { throw unreadable }
        // Both ends or neither: a state from before the state named its calendar has neither.
        var calendar: SimCalendar?
        switch (stored.calendar_start.map { SimDate(iso: $0) }, stored.calendar_end.map { SimDate(iso: $0) }) {
        case (nil, nil): calendar = nil
        case (let start??, let end??) where start <= end: calendar = SimCalendar(start: start, end: end)
        default: throw unreadable
        }
        return SchedulerState(
            currentDate: date, status: status, profile: stored.profile, seed: seed, calendar: calendar,
            daysCompleted: stored.days_completed, daysTotal: stored.days_total, inputsDigest: stored.inputs_sha256)
    }
}
