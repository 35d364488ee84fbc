import HospitalCore
import HospitalLake

/// The scheduler's state as each pass reads it, from its backup when it must be: that the
/// state was unreadable is said once per new reason, not on every pass.
struct StateReader {
    private var said: String?

    mutating func read(_ context: IngestContext) -> SchedulerState? {
        let (state, note) = SchedulerState.recover(from: context.layout)
        if let note, note != said {
            context.logger.warning("scheduler state unreadable", metadata: [LogKey.reason: "\(note)"])
            said = note
        }
        return state
    }
}
