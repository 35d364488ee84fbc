/// An error from PostgreSQL or libpq, translated at the C boundary so callers can
/// branch on `sqlState` (stable across server versions and locales) instead of
/// matching message text.
///
/// It never carries a password or a connection string: libpq's messages name the
/// host and port only, and we never build connection strings in the first place.
/// Row data may appear in `detail` (e.g. the duplicate key of a 23505), as the server
/// chose to report it; `description` leaves it out, `debugDescription` keeps it.
public struct PostgresError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// Where the failure came from, because the right reaction differs: a `connection`
    /// problem may heal with a retry, a `server` error is a verdict on the statement,
    /// and a `client` error is a bug or misuse on our side.
    public enum Kind: String, Sendable {
        /// The session could not be established or was lost.
        case connection
        /// The server rejected a statement (it sent an ErrorResponse).
        case server
        /// libpq or this wrapper refused an operation (misuse, protocol state, encoding).
        case client
    }

    public var kind: Kind
    /// The five-character SQLSTATE (e.g. `23505`), when the server sent one.
    public var sqlState: String?
    /// Non-localized severity (`ERROR`, `FATAL`, `PANIC`), when known.
    public var severity: String?
    /// The primary, one-line message.
    public var message: String
    public var detail: String?
    public var hint: String?
    /// Where in the server's work it happened; for COPY, the table, line and column.
    public var context: String?
    /// What we were doing, e.g. `connect`, `execute`, `COPY`: the server's message
    /// alone often does not say which call failed.
    public var operation: String
    /// The table, column and constraint an integrity or data error names, when it names them.
    public var table: String?
    public var column: String?
    public var constraint: String?

    public init(
        kind: Kind, operation: String, message: String, sqlState: String? = nil,
        severity: String? = nil, detail: String? = nil, hint: String? = nil, context: String? = nil
    ) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail
        self.hint = hint
        self.context = context
    }

    /// True for authentication and authorization failures (SQLSTATE class 28): a wrong
    /// password will not become right by asking again, and retrying can lock accounts.
    public var isAuthenticationFailure: Bool {
        sqlState?.hasPrefix("28") ?? false
    }

    /// Whether reconnecting might succeed. Unknown database (3D000) and class 28 are
    /// configuration mistakes; everything without a server verdict (refused, timed out,
    /// reset) or with a transient one (57P03 starting up, 53300 too many connections)
    /// may heal.
    public var isTransientConnectionFailure: Bool {
        guard kind == .connection else { return false }
        guard let sqlState else { return true }
        return !isAuthenticationFailure && sqlState != "3D000"
    }

    /// A verdict on the data rather than on the statement or the session: a data exception
    /// (class 22), an integrity violation (23) or a value over a limit (54). Loading the same
    /// rows again would fail the same way, so the file is bad, not the warehouse.
    public var isDataRejection: Bool {
        guard kind == .server, let sqlState else { return false }
        return sqlState.hasPrefix("22") || sqlState.hasPrefix("23") || sqlState.hasPrefix("54")
    }

    /// A deadlock or serialization failure: two sessions' work collided, and the server rolled
    /// this statement back. It is no verdict on the data; the work may simply be tried again.
    public var isConflictBetweenSessions: Bool { kind == .server && ["40P01", "40001"].contains(sqlState ?? "") }

    /// The session is gone (the server restarted, closed it, or cannot be reached): the
    /// statement's fate is the server's to tell after reconnecting, not a verdict on it.
    public var isConnectionLoss: Bool {
        if kind == .connection { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// What logs and error lines show. The server's `detail` is left out: it can quote the
    /// row that failed (a patient's name in a key violation), so only `debugDescription`
    /// carries it.
    public var description: String { text(withDetail: false) }

    public var debugDescription: String { text(withDetail: true) }

    private func text(withDetail: Bool) -> String {
        var text = "PostgreSQL \(kind.rawValue) error during \(operation)"
        if let sqlState { text += " [\(sqlState)]" }
        if let severity { text += " \(severity)" }
        text += ": \(message)"
        if withDetail, let detail { text += " (detail: \(detail))" }
        if let hint { text += " (hint: \(hint))" }
        if let context { text += " (context: \(context))" }
        return text
    }

}
