import HospitalWarehouse
import Logging
import Testing

@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(2)))
struct ConnectionTests {
    @Test func connectsAndRunsQueryWithParameters() async throws {
        let connection = try await TestDatabase.connect()
        let result = try connection.execute(
            "SELECT $1::int + $2::int AS total, $3::text AS label, $4::text AS missing", ["40", "2", "it's ok", nil])
        #expect(result.columns == ["total", "label", "missing"])
        #expect(result.rows == [["42", "it's ok", nil]])
        #expect(result.affectedRows == 1)
        #expect(connection.serverVersion >= 150000)
    }

    @Test func parametersAreNeverParsedAsSQL() async throws {
        let connection = try await TestDatabase.connect()
        let hostile = "x'); DROP TABLE pg_class; --"
        let result = try connection.execute("SELECT $1::text", [hostile])
        #expect(result.firstValue == hostile)
    }

    @Test func severalStatementsInOneCallAreRefused() async throws {
        let connection = try await TestDatabase.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("SELECT 1; SELECT 2")
        }
        #expect(error.sqlState == "42601")
        #expect(try connection.execute("SELECT 3").firstValue == "3")
    }

    @Test func serverNoticesGoToTheLogger() async throws {
        let (logger, log) = RecordingLogHandler.logger()
        let connection = try await PQConnection.connect(TestDatabase.settings, retry: .once, logger: logger)
        try connection.execute("DROP TABLE IF EXISTS no_such_table_for_notice")
        let notice = try #require(log.snapshot.first { $0.message == "server notice" })
        #expect(notice.level == .notice)
        #expect(notice.metadata["db.sqlstate"] == "00000")
        #expect(notice.metadata["db.notice"]?.description.contains("does not exist") == true)
    }

    @Test func wrongPasswordFailsOnceWith28P01AndHidesThePassword() async throws {
        var settings = TestDatabase.settings
        let wrongPassword = "not-the-password-\(UInt32.random(in: 1000...9999))"
        settings.password = wrongPassword
        let (logger, log) = RecordingLogHandler.logger()
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: PostgresError.self) {
            _ = try await PQConnection.connect(
                settings, retry: RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1)), logger: logger)
        }
        #expect(clock.now - started < .seconds(1), "an authentication failure must not wait for a retry")
        #expect(error?.sqlState == "28P01")
        #expect(error?.kind == .connection)
        #expect(error?.isAuthenticationFailure == true)
        let text = "\(String(describing: error)) \(String(reflecting: error))"
        print("wrong password ->", error.map { "\($0)" } ?? "nil")
        #expect(!text.contains(wrongPassword))
        #expect(!text.contains("password=") && !text.contains("postgresql://"))
        let attempts = log.snapshot.filter { $0.message == "connection attempt failed" }
        #expect(attempts.count == 1)
        #expect(attempts.first?.metadata["db.will_retry"] == "false")
        #expect(attempts.first?.metadata["db.sqlstate"] == "28P01")
        #expect(!log.snapshot.map { "\($0.message) \($0.metadata)" }.joined().contains(wrongPassword))
    }

    @Test func closedPortIsRetriedThenThrows() async throws {
        var settings = TestDatabase.settings
        settings.port = 1  // tcpmux: nothing listens there on a test machine
        let (logger, log) = RecordingLogHandler.logger()
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20))
        let error = await #expect(throws: PostgresError.self) {
            _ = try await PQConnection.connect(settings, retry: policy, logger: logger)
        }
        #expect(error?.kind == .connection)
        #expect(error?.sqlState == nil)
        let attempts = log.snapshot.filter { $0.message == "connection attempt failed" }
        #expect(attempts.count == 4)
        #expect(attempts.map { $0.metadata["db.attempt"] } == ["1", "2", "3", "4"])
        #expect(attempts.map { $0.metadata["db.will_retry"] } == ["true", "true", "true", "false"])
        #expect(attempts.map { $0.metadata["db.retry_delay_ms"] } == ["20", "40", "80", nil])
        #expect(attempts.allSatisfy { $0.metadata["db.host"] == "\(settings.host)" })
    }

    @Test func unknownDatabaseIsNotRetried() async throws {
        var settings = TestDatabase.settings
        settings.database = "no_such_db_\(UInt32.random(in: 0...999_999))"
        let (logger, log) = RecordingLogHandler.logger()
        let error = await #expect(throws: PostgresError.self) {
            _ = try await PQConnection.connect(settings, retry: RetryPolicy(maxAttempts: 3), logger: logger)
        }
        #expect(error?.sqlState == "3D000")
        #expect(log.snapshot.count == 1)
    }
}
