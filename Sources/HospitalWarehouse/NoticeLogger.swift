import CLibPQ
import Logging

/// Bridges server notices (NOTICE, WARNING, …) into swift-log instead of libpq's default
/// of printing them to stderr, so they land in the service's structured log with their
/// SQLSTATE. Owned by the `PQConnection` whose receiver points at it, so it lives exactly
/// as long as libpq may call it.
final class NoticeLogger {
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Installs this object as the connection's notice receiver.
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeReceiver(
            connection,
            { context, result in
                guard let context, let result else { return }
                Unmanaged<NoticeLogger>.fromOpaque(context).takeUnretainedValue().receive(result)
            }, context)
    }

    private func receive(_ result: OpaquePointer) {
        let notice = PostgresError(result: result, operation: "notice")
        var metadata: Logger.Metadata = [WarehouseLogKey.notice: "\(notice.message)"]
        if let sqlState = notice.sqlState { metadata[WarehouseLogKey.sqlState] = "\(sqlState)" }
        if let severity = notice.severity { metadata[WarehouseLogKey.severity] = "\(severity)" }
        if let detail = notice.detail { metadata[WarehouseLogKey.detail] = "\(detail)" }
        logger.log(level: Self.level(forSeverity: notice.severity), "server notice", metadata: metadata)
    }

    /// Maps PostgreSQL's non-localized severities onto swift-log levels.
    static func level(forSeverity severity: String?) -> Logger.Level {
        switch severity {
        case "WARNING": .warning
        case "NOTICE": .notice
        case "INFO", "LOG": .info
        case "DEBUG": .debug
        default: .notice
        }
    }
}
