import CLibPQ
import Logging

/// One PostgreSQL session: the single owner of a libpq `PGconn`.
///
/// Not `Sendable`: libpq connections must not be used from two threads at once. Create
/// one per task (or hand it over with `sending`); a pool, if ever needed, sits above this.
/// Calls block the calling thread while libpq waits on the network, as libpq does.
public final class PQConnection {
    private let handle: OpaquePointer
    /// Receives server notices for as long as the handle lives.
    private let notices: NoticeLogger
    /// Kept only to describe the peer in logs and errors; never includes the password.
    public let settings: ConnectionSettings

    /// Connects once, waiting at most `settings.connectTimeout`, or throws.
    ///
    /// Uses the non-blocking `PQconnectStartParams`/`PQconnectPoll` pair rather than
    /// `PQconnectdbParams` for two reasons: error verbosity can be raised before the
    /// server answers, so a failed login still yields its SQLSTATE (28P01 and friends);
    /// and the timeout is ours, not a string option.
    /// Server notices (NOTICE, WARNING) go to `logger`.
    public init(settings: ConnectionSettings, logger: Logger) throws {
        self.settings = settings
        let notices = NoticeLogger(logger: logger)
        self.notices = notices
        let parameters = settings.libpqParameters
        let started = CStringArray(parameters.map(\.keyword), nullTerminated: true).withPointers { keywords in
            CStringArray(parameters.map(\.value), nullTerminated: true).withPointers { values in
                PQconnectStartParams(keywords, values, 0)
            }
        }
        guard let connection = started else {
            throw PostgresError(kind: .client, operation: "connect", message: "libpq could not allocate a connection")
        }
        PQsetErrorVerbosity(connection, PQERRORS_VERBOSE)
        notices.install(on: connection)
        do {
            try Self.completeHandshake(connection, timeout: settings.connectTimeout)
        } catch {
            PQfinish(connection)
            throw error
        }
        self.handle = connection
    }

    deinit {
        PQfinish(handle)
    }

    /// Scoped access to the raw `PGconn`, so the pointer cannot outlive its owner.
    func withUnsafeHandle<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        try body(handle)
    }

    /// The server's version as an integer (150018 for 15.18).
    public var serverVersion: Int {
        Int(PQserverVersion(handle))
    }

    /// Drives `PQconnectPoll` to completion, waiting on the socket between steps.
    private static func completeHandshake(_ connection: OpaquePointer, timeout: Duration) throws {
        guard PQstatus(connection) != CONNECTION_BAD else {
            throw PostgresError(connectionMessage: errorText(connection), operation: "connect")
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var state = PGRES_POLLING_WRITING  // libpq's documented starting assumption
        while true {
            switch state {
            case PGRES_POLLING_OK:
                return
            case PGRES_POLLING_READING, PGRES_POLLING_WRITING:
                // The socket can change between steps (next address of a host), so ask anew.
                let ready = try SocketWaiter.wait(
                    socket: PQsocket(connection), forWriting: state == PGRES_POLLING_WRITING, until: deadline)
                guard ready else {
                    throw PostgresError(
                        kind: .connection, operation: "connect",
                        message: "timed out after \(timeout) waiting for the server")
                }
            default:
                throw PostgresError(connectionMessage: errorText(connection), operation: "connect")
            }
            state = PQconnectPoll(connection)
        }
    }

    static func errorText(_ connection: OpaquePointer) -> String {
        guard let text = PQerrorMessage(connection) else { return "" }
        return String(cString: text)
    }

    /// The error a failed result carries, marked as a lost connection when the session died
    /// with it (libpq reports "server closed the connection" as a result with no SQLSTATE).
    func verdict(_ result: PQResult, operation: String) -> PostgresError {
        var error = result.error(operation: operation)
        if PQstatus(handle) == CONNECTION_BAD { error.kind = .connection }
        return error
    }

    /// The error for a call that libpq refused without a result (NULL `PGresult`,
    /// or -1 from a COPY call): a lost connection, or misuse on our side.
    func failure(operation: String) -> PostgresError {
        let text = Self.errorText(handle)
        if PQstatus(handle) == CONNECTION_BAD {
            return PostgresError(connectionMessage: text, operation: operation)
        }
        return PostgresError(kind: .client, operation: operation, message: text.trimmingWhitespace())
    }
}

@available(*, unavailable, message: "a libpq connection must not be shared between threads")
extension PQConnection: Sendable {}
