import HospitalCore

/// Whether a lake's state may be trusted by the run about to resume it
/// (docs/lake.md §The state pins the run). A run resumes at the state's date and skips every step whose flag
/// exists, so a state that names another run, or that was moved past days never written,
/// would end in a lake no clean run writes: such a state is refused, never repaired, since
/// only the operator knows whether the state or the flags are the mistake.
struct ResumeCheck {
    let world: HospitalWorld
    let layout: LakeLayout
    let sessions: ClosedRange<Int>

    /// The first reason the state cannot be trusted, in one line; nil when it can.
    func problem(_ state: SchedulerState) -> String? {
        let calendar = world.calendar
        if state.profile != world.profile.name || state.seed != world.streams.seed {
            return "written by profile \(state.profile) seed \(state.seed), not \(world.profile.name) seed \(world.streams.seed)"
        }
        if let written = state.calendar, written != calendar {
            return "written for the calendar \(written.start) to \(written.end), not \(calendar.start) to \(calendar.end)"
        }
        if let digest = state.inputsDigest, digest != world.inputsDigest {
            let files = HospitalConfig.generatorFiles.joined(separator: ", ")
            return "written with other configs (\(files)) or profile sizes; restore them, or start a new lake"
        }
        guard calendar.contains(state.currentDate) else { return "date \(state.currentDate) is outside the calendar" }
        if state.status == .complete, state.currentDate != calendar.end {
            return "says complete on \(state.currentDate), before the calendar's last day \(calendar.end)"
        }
        let expected = SchedulerState(world: world, date: state.currentDate, status: state.status)
        if state.daysCompleted != expected.daysCompleted || state.daysTotal != expected.daysTotal {
            return
                "says \(state.daysCompleted) of \(state.daysTotal) days done, not the \(expected.daysCompleted) of \(expected.daysTotal) its date means"
        }
        let done = state.daysDone(in: calendar)
        let flags =
            LakeFlag.Setup.allCases.map { LakeFlag.setup($0).path }
            + done.flatMap { DayWriter.flags(for: $0, calendar: calendar, sessions: sessions) }
        for flag in flags {
            let kind = LakeEntry.kind(layout.path(flag))
            guard kind == .regular else {
                let claim = state.status == .complete ? "the run is complete" : "the days before \(state.currentDate) are done"
                return "says \(claim), but \(flag) is \(kind.noun); a state moved past its flags is refused"
            }
        }
        return nil
    }
}
