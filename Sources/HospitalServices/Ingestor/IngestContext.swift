import HospitalCore
import HospitalLake
import HospitalWarehouse
import Logging

/// What the parts of one ingest worker share: its database session, the lake's inbox, the
/// warehouse's names and the run's calendar. It is a value with no state of its own (the
/// session's stage tables, claims and load group aside), so a worker hands it to each
/// peer, and a reconnect makes a new one; two workers side by side share only the database
/// and the lake.
struct IngestContext {
    let inbox: Inbox
    let connection: PQConnection
    let schemas: WarehouseSchemas
    let stages: StageTables
    /// This session's claims on lake files (`FileClaims`).
    let claims: FileClaims
    /// The files this session has loaded since its last commit (`LoadGroup`).
    let group: LoadGroup
    let calendar: SimCalendar
    let logger: Logger

    var layout: LakeLayout { inbox.layout }

    /// The same worker over a new session: its stage tables, claims and uncommitted group
    /// went with the old one.
    func over(_ connection: PQConnection) -> IngestContext {
        IngestContext(
            inbox: inbox, connection: connection, schemas: schemas, stages: StageTables(), claims: FileClaims(), group: LoadGroup(),
            calendar: calendar, logger: logger)
    }

    var loader: FileLoader { FileLoader(connection: connection, schemas: schemas, stages: stages) }

    /// Claims `name` for this session; false while another worker or process holds it.
    func claim(_ name: String) throws -> Bool { try claims.claim(name, on: connection) }

    func release(_ name: String) throws { try claims.release(name, on: connection) }

    /// Moves the entry at `path` to failed/ with its reason, and says so in the log.
    func quarantine(
        _ path: String, _ problem: InputProblem, line: Int = 1, column: Int = 1, reason: String,
        detail: (inout QuarantineReport) -> Void = { _ in }
    ) throws -> FileOutcome {
        logger.error(
            "file quarantined",
            metadata: [
                LogKey.file: "\(EscapedText.of(layout.relative(path), limit: 200))",
                LogKey.reason: "line \(line), column \(column): \(reason)",
            ])
        var report = inbox.quarantine.report(problem, file: layout.relative(path), line: line, column: column, reason: reason)
        detail(&report)
        try inbox.quarantine.move(path, report)
        return .quarantined
    }

    /// PostgreSQL's refusal of a row, as a report's reason says it.
    static func refusal(sqlState: String, constraint: String?, message: String) -> String {
        "PostgreSQL refused it: [\(sqlState)] \(EscapedText.of(message, limit: 200))" + (constraint.map { " (constraint \($0))" } ?? "")
    }
}
