/// Metadata keys for everything this module logs, kept in one place so dashboards and
/// log queries have a single list to rely on. Messages stay constant text; values go here.
public enum WarehouseLogKey {
    public static let host = "db.host"
    public static let port = "db.port"
    public static let database = "db.name"
    public static let user = "db.user"
    public static let attempt = "db.attempt"
    public static let maxAttempts = "db.max_attempts"
    public static let delayMilliseconds = "db.retry_delay_ms"
    public static let willRetry = "db.will_retry"
    public static let sqlState = "db.sqlstate"
    public static let error = "db.error"
    public static let serverVersion = "db.server_version"
    public static let notice = "db.notice"
    public static let severity = "db.severity"
    public static let detail = "db.detail"
}
