import HospitalCore
import Testing

/// A flag the lake lacks may still come only while the scheduler has not passed the step
/// that writes it and no later flag of its step is there.
@Suite struct FlagArrivalTests {
    let day = SimDate(year: 2022, month: 11, day: 21)

    func state(_ date: SimDate, _ status: SchedulerState.Status = .running) -> SchedulerState {
        SchedulerState(
            currentDate: date, status: status, profile: "golden", seed: 1, calendar: nil, daysCompleted: 1, daysTotal: 14,
            inputsDigest: nil)
    }

    @Test func aFlagThereHasArrived() {
        #expect(FlagArrival.of(.visitors(day), present: { true }, state: nil, later: { nil }) == .arrived)
    }

    @Test func aFlagOfTheDayInProgressMayStillCome() {
        #expect(FlagArrival.of(.visitors(day), present: { false }, state: state(day), later: { nil }) == .mayStillCome)
        #expect(FlagArrival.of(.visitors(day), present: { false }, state: nil, later: { nil }) == .mayStillCome)
        // A day's transfers are written the next day.
        #expect(
            FlagArrival.of(.transfers(day, session: 1), present: { false }, state: state(day.adding(days: 1)), later: { nil })
                == .mayStillCome)
    }

    @Test func aFlagBehindTheStateNeverComes() {
        let past = FlagArrival.never(".daily_flags/visitors_2022-11-21.flag is missing although the scheduler is past that step")
        #expect(FlagArrival.of(.visitors(day), present: { false }, state: state(day.adding(days: 1)), later: { nil }) == past)
        #expect(FlagArrival.of(.visitors(day), present: { false }, state: state(day, .complete), later: { nil }) == past)
        #expect(
            FlagArrival.of(.setup(.staff), present: { false }, state: state(day), later: { nil }) != .mayStillCome,
            "setup is over once there is a state")
    }

    /// The scheduler wrote the flag and a later one between the reader's two looks: the
    /// later flag is no proof then (the producer quarantined good files this way in e2e).
    @Test func aFlagWrittenWhileTheLakeWasListedHasArrived() {
        let looks = Looks()
        #expect(
            FlagArrival.of(
                .transport(day, session: 2), present: { looks.next() }, state: state(day),
                later: { .transport(day, session: 3) }) == .arrived)
    }

    final class Looks: @unchecked Sendable {
        var count = 0
        /// Missing at the first look, there at the second.
        func next() -> Bool {
            count += 1
            return count > 1
        }
    }

    @Test func aFlagBehindALaterOneOfItsStepNeverComes() {
        let flags: [LakeFlag] = [.admissions(day.adding(days: 1)), .transport(day, session: 1), .transport(day, session: 2)]
        #expect(FlagArrival.later(than: .transport(day, session: 1), in: flags) == .transport(day, session: 2))
        #expect(FlagArrival.later(than: .transport(day, session: 2), in: flags) == nil)
        #expect(FlagArrival.later(than: .visitors(day), in: flags) == nil, "another step's later flag says nothing")
        #expect(
            FlagArrival.of(
                .admissions(day), present: { false }, state: state(day), later: { FlagArrival.later(than: .admissions(day), in: flags) })
                == .never(
                    ".daily_flags/admissions_2022-11-21.flag is missing although the later .daily_flags/admissions_2022-11-22.flag is there"
                ))
    }
}
