/// Where and as whom to connect.
///
/// Kept as separate fields, not a URL or `key=value` string, so that no value can smuggle
/// in extra options (a database name containing `host=evil` stays a database name) and
/// so that the password never sits inside a string that might get logged.
public struct ConnectionSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    public var password: String
    /// Shown in `pg_stat_activity`, to tell our sessions apart from psql or pgAdmin.
    public var applicationName: String
    /// Bound on one connection attempt; retries are the business of `RetryPolicy`.
    public var connectTimeout: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 5432, database: String, user: String, password: String,
        applicationName: String = "hospital-warehouse", connectTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
    }

    /// Reads `DB_HOST`, `DB_PORT`, `DB_NAME`, `DB_USER`, `DB_PASSWORD` (what `ci/pg.sh`
    /// writes), falling back to the local defaults of the throwaway cluster. Takes the
    /// environment as a value so callers and tests decide where it comes from.
    public init(environment: [String: String]) {
        self.init(
            host: environment["DB_HOST"] ?? "127.0.0.1",
            port: environment["DB_PORT"].flatMap { Int($0) } ?? 5432,
            database: environment["DB_NAME"] ?? "hospital_db",
            user: environment["DB_USER"] ?? "hospital",
            password: environment["DB_PASSWORD"] ?? "hospital")
    }

    /// Keyword/value pairs for `PQconnectStartParams`, in a fixed order.
    ///
    /// `client_encoding` is pinned to UTF8 because rows are decoded as UTF-8 Swift strings.
    /// `expand_dbname` is off at the call site, so `database` is never parsed as a URL.
    var libpqParameters: [(keyword: String, value: String)] {
        [
            ("host", host),
            ("port", String(port)),
            ("dbname", database),
            ("user", user),
            ("password", password),
            ("application_name", applicationName),
            ("client_encoding", "UTF8"),
        ]
    }
}

extension ConnectionSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `user@host:port/database`; the password is left out on purpose, so settings can be
    /// logged or interpolated into errors safely.
    public var description: String {
        "\(user)@\(host):\(port)/\(database)"
    }

    public var debugDescription: String {
        "ConnectionSettings(\(description), password: <redacted>)"
    }

    /// Keeps the password out of `dump()` and debugger printing too.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "host": host, "port": port, "database": database, "user": user,
                "password": "<redacted>", "applicationName": applicationName,
                "connectTimeout": connectTimeout,
            ], displayStyle: .struct)
    }
}
