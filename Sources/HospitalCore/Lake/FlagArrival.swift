/// Whether a flag the lake lacks can still come. The scheduler runs the days in order and
/// writes a day's flags in order (docs/lake.md §Flags), saving its state after each day: a
/// flag missing although the state is past the day that writes it, or although a later
/// flag of its step is there, was lost (deleted) or will never be written. Nothing may wait
/// for such a flag: a file it should list is refused, and what depends on that file is held.
public enum FlagArrival: Equatable, Sendable {
    case arrived
    /// Not there yet, and the step that writes it may still be to come.
    case mayStillCome
    /// Not there, and never will be: why, as a quarantine report says it.
    case never(String)

    /// `present` says whether the flag is there now; `later` finds a flag of the same step
    /// written after it (it lists the lake, so it is asked only when the state, read before
    /// this call, does not settle it). A later flag found is proof only if the flag is still
    /// missing after it was seen: a reader that looked while the scheduler wrote both would
    /// otherwise take one just written for lost.
    public static func of(_ flag: LakeFlag, present: () -> Bool, state: SchedulerState?, later: () -> LakeFlag?) -> FlagArrival {
        if present() { return .arrived }
        if let state, state.status == .complete || flag.writtenOn.map({ $0 < state.currentDate }) ?? true {
            return .never("\(flag.path) is missing although the scheduler is past that step")
        }
        guard let later = later() else { return .mayStillCome }
        return present() ? .arrived : .never("\(flag.path) is missing although the later \(later.path) is there")
    }

    /// The first flag in `flags` of `flag`'s step that the scheduler writes after it.
    public static func later(than flag: LakeFlag, in flags: [LakeFlag]) -> LakeFlag? {
        flags.first { $0.step == flag.step && flag.order.lexicographicallyPrecedes($0.order) }
    }
}

extension LakeFlag {
    /// The sim day whose steps write this flag: a day's transfers are written the next day;
    /// nil for setup flags, written before the first day.
    public var writtenOn: SimDate? {
        if case .transfers(let date, _) = self { return date.adding(days: 1) }
        return date
    }

    /// Where the flag falls among its step's flags, in the order the scheduler writes them.
    var order: [Int] { [date?.dayNumber ?? 0, session ?? 0] }
}
