import HospitalCore

/// Writes one simulated day into the lake in the order of docs/lake.md §Daily steps: visitors, then each
/// session's transport and transfer outbox, then admissions and the summaries. Each part is
/// its own step, so the scheduler can wait between them for the producer.
public struct DayWriter: Sendable {
    let world: HospitalWorld
    let writer: LakeWriter
    let reports: DayReports

    public init(world: HospitalWorld, writer: LakeWriter, capacity: [Int]) {
        self.world = world
        self.writer = writer
        reports = DayReports(world: world, capacity: capacity)
    }

    public var sessions: ClosedRange<Int> { 1...world.config.clinical.sessionsPerDay }

    /// Renders and hashes every file of `day`, the files side by side on all cores.
    public func render(_ day: DayEngine.Day) -> RenderedDay {
        let date = day.date
        let previous = date.adding(days: -1)
        let visits = VisitCSV(world: world)
        let admitted = AdmissionCSV(world: world)
        let reports = reports
        let visitors = StepJobs(.visitors(date)) { [RenderedFile(.visitors(date), visits.visitors(day.visits), rows: day.visits.count)] }
        let sessionSteps = sessions.map { session in
            let transports = day.transports.filter { $0.visit.session == session }
            var steps = [
                StepJobs(.transport(date, session: session)) {
                    [
                        RenderedFile(.transport(date, session: session), visits.transports(transports), rows: transports.count),
                        RenderedFile(
                            .transportReport(date, session: session), reports.transportReport(transports, date: date, session: session),
                            rows: 0),
                    ]
                }
            ]
            if date > world.calendar.start {
                let transfers = day.transfersOfPreviousDay.filter { $0.session == session }
                steps.append(
                    StepJobs(.transfers(previous, session: session)) {
                        [
                            RenderedFile(.transfers(previous, session: session), admitted.transfers(transfers), rows: transfers.count),
                            RenderedFile(
                                .transfersReport(previous, session: session),
                                reports.transfersReport(transfers, date: previous, session: session), rows: 0),
                        ]
                    })
            }
            return steps
        }
        let admissions = StepJobs(.admissions(date)) {
            [
                RenderedFile(.admissions(date), admitted.admissions(day.admissions), rows: day.admissions.count),
                RenderedFile(.hospitalSummary(date), reports.hospitalSummary(day), rows: 0),
                RenderedFile(.dailySummary(date), reports.summaryJSON(day), rows: 1),
            ]
        }
        let jobs = [visitors] + sessionSteps.flatMap { $0 } + [admissions]
        let rendered = parallelMap(jobs.count) { RenderedStep(flag: jobs[$0].flag, files: jobs[$0].render()) }
        var next = 1
        let perSession = sessionSteps.map { steps in
            defer { next += steps.count }
            return Array(rendered[next..<next + steps.count])
        }
        return RenderedDay(day: day, visitors: rendered[0], sessions: perSession, admissions: rendered[rendered.count - 1])
    }

    /// Writes one step's files and then its flag (skipped when the flag exists).
    public func write(_ step: RenderedStep) throws {
        try writer.step(step.flag) { try step.files.map(writer.write) }
    }

    /// The files of `date` the producer publishes (docs/lake.md §Topics): each session's transports of
    /// the day and transfers of the day before, then the daily summary.
    public func outbox(for date: SimDate) -> [String] {
        var names: [LakeFileName] = []
        for session in sessions {
            names.append(.transport(date, session: session))
            if date > world.calendar.start { names.append(.transfers(date.adding(days: -1), session: session)) }
        }
        return (names + [.dailySummary(date)]).map(\.name)
    }

    /// Every flag a complete day leaves, in the order they are written.
    public func flags(for date: SimDate) -> [String] {
        Self.flags(for: date, calendar: world.calendar, sessions: sessions)
    }

    /// Every flag a complete day leaves, without building a world (the verifier's use).
    public static func flags(for date: SimDate, calendar: SimCalendar, sessions: ClosedRange<Int>) -> [String] {
        var flags = [LakeFlag.visitors(date)]
        for session in sessions {
            flags.append(.transport(date, session: session))
            if date > calendar.start { flags.append(.transfers(date.adding(days: -1), session: session)) }
        }
        flags.append(.admissions(date))
        return flags.map(\.path)
    }
}
