import HospitalCore

/// Drives a run through the lake: setup, then each day from the state's current date,
/// saving the state after every day. `hospital simulate` and the scheduler service both
/// go through here, so both write the same bytes.
public final class Simulation {
    public struct Progress: Sendable {
        public let date: SimDate
        public let ordinal: Int
        public let total: Int
        public let rows: Int
    }

    public enum Outcome: Equatable, Sendable {
        case complete
        case stopped(next: SimDate)
    }

    public let world: HospitalWorld
    public let layout: LakeLayout
    let writer: LakeWriter
    private let engine: DayEngine
    private let days: DayWriter

    public init(world: HospitalWorld, layout: LakeLayout) {
        self.world = world
        self.layout = layout
        writer = LakeWriter(layout: layout)
        engine = DayEngine(world: world)
        days = DayWriter(world: world, writer: writer, capacity: engine.capacity)
    }

    /// Checks that the lake's state belongs to this run and can be trusted (`ResumeCheck`), and
    /// returns the day to resume at (nil when complete).
    public func resumeDate() throws -> SimDate? {
        guard let state = try SchedulerState.load(from: layout) else { return world.calendar.start }
        if let problem = ResumeCheck(world: world, layout: layout, sessions: days.sessions).problem(state) {
            throw LakeError.refusedState(path: layout.state, reason: problem)
        }
        return state.status == .complete ? nil : state.currentDate
    }

    /// Runs until the calendar ends, `until` is done, `shouldStop` says so between days, or a
    /// hook stops it between steps.
    public func run(
        until: SimDate? = nil, shouldStop: () -> Bool = { false }, hooks: any SimulationHooks = NoSimulationHooks(),
        progress: (Progress) -> Void = { _ in }, setupProgress: (String) -> Void = { _ in }
    ) throws -> Outcome {
        try LakeFolders.create(layout)
        let lock = try LakeLock(layout)
        defer { withExtendedLifetime(lock) {} }
        guard let resume = try resumeDate() else { return .complete }
        try SetupWriter(world: world, writer: writer).run(progress: setupProgress)
        let calendar = world.calendar
        let last = min(until ?? calendar.end, calendar.end)
        var rows = 0
        let ahead = daysAhead(renderingFrom: resume)
        defer { ahead.abandon() }
        while let next = ahead.next() {
            let date = next.date
            guard let rendered = next.rendered else { continue }
            if date > last || shouldStop() { return .stopped(next: date) }
            try save(date, status: .running)
            guard hooks.beforeDay(date) else { return .stopped(next: date) }
            try days.write(rendered.visitors)
            for (session, steps) in zip(days.sessions, rendered.sessions) {
                for step in steps { try days.write(step) }
                guard hooks.afterSession(date, session: session) else { return .stopped(next: date) }
            }
            try days.write(rendered.admissions)
            guard hooks.beforeAdvance(past: date, outbox: days.outbox(for: date)) else { return .stopped(next: date) }
            let day = rendered.day
            rows += day.visits.count * 2 + day.transfersOfPreviousDay.count + day.admissions.count
            let complete = date == calendar.end
            try save(complete ? date : date.adding(days: 1), status: complete ? .complete : .running)
            progress(Progress(date: date, ordinal: calendar.ordinal(of: date), total: calendar.dayCount, rows: rows))
            guard hooks.afterDay(date) else { return complete ? .complete : .stopped(next: date.adding(days: 1)) }
        }
        return .complete
    }

    /// A day of the calendar, its files rendered from the day the run resumes at.
    private struct AheadDay: Sendable {
        let date: SimDate
        let rendered: RenderedDay?
    }

    /// The days, simulated, rendered and hashed on a second thread one ahead of the writer.
    /// A day and its files are a pure function of the seed and the days before it, so this
    /// changes no byte, and the writing thread is left with the system calls.
    private func daysAhead(renderingFrom resume: SimDate) -> OneAhead<AheadDay> {
        let dates = Array(world.calendar.dates)
        var engine = engine
        let days = days
        return OneAhead(count: dates.count, name: "days-ahead") { index in
            let day = engine.run(dates[index])
            return AheadDay(date: day.date, rendered: day.date >= resume ? days.render(day) : nil)
        }
    }

    private func save(_ date: SimDate, status: SchedulerState.Status) throws {
        let state = SchedulerState(world: world, date: date, status: status)
        if let current = try? SchedulerState.load(from: layout), current == state { return }
        try state.save(to: layout)
    }
}
