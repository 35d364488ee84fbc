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

    public func writeVisitors(_ day: DayEngine.Day) throws {
        try writer.step(.visitors(day.date)) {
            [try writer.write(VisitCSV(world: world).visitors(day.visits), rows: day.visits.count, name: .visitors(day.date))]
        }
    }

    public func writeSession(_ day: DayEngine.Day, session: Int) throws {
        let date = day.date
        let transports = day.transports.filter { $0.visit.session == session }
        try writer.step(.transport(date, session: session)) {
            [
                try writer.write(
                    VisitCSV(world: world).transports(transports), rows: transports.count,
                    name: .transport(date, session: session)),
                try writer.write(
                    reports.transportReport(transports, date: date, session: session), rows: 0,
                    name: .transportReport(date, session: session)),
            ]
        }
        guard date > world.calendar.start else { return }
        let previous = date.adding(days: -1)
        let transfers = day.transfersOfPreviousDay.filter { $0.session == session }
        try writer.step(.transfers(previous, session: session)) {
            [
                try writer.write(
                    AdmissionCSV(world: world).transfers(transfers), rows: transfers.count,
                    name: .transfers(previous, session: session)),
                try writer.write(
                    reports.transfersReport(transfers, date: previous, session: session), rows: 0,
                    name: .transfersReport(previous, session: session)),
            ]
        }
    }

    public func writeAdmissions(_ day: DayEngine.Day) throws {
        try writer.step(.admissions(day.date)) {
            [
                try writer.write(
                    AdmissionCSV(world: world).admissions(day.admissions), rows: day.admissions.count,
                    name: .admissions(day.date)),
                try writer.write(reports.hospitalSummary(day), rows: 0, name: .hospitalSummary(day.date)),
                try writer.write(reports.summaryJSON(day), rows: 1, name: .dailySummary(day.date)),
            ]
        }
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
