import HospitalWarehouse
import Testing

@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(2)))
struct TransactionTests {
    struct Boom: Error {}

    @Test func commitsWhenBodyReturns() async throws {
        let connection = try await TestDatabase.connect()
        let table = try SQLIdentifier.quote(TestDatabase.uniqueName("tx_commit"))
        try connection.execute("CREATE TABLE \(table) (id int)")
        defer { _ = try? connection.execute("DROP TABLE \(table)") }
        let inserted = try connection.transaction { tx in
            try tx.execute("INSERT INTO \(table) SELECT generate_series(1, $1::int)", ["3"]).affectedRows
        }
        #expect(inserted == 3)
        #expect(try connection.execute("SELECT count(*) FROM \(table)").firstValue == "3")
    }

    @Test func rollsBackWhenBodyThrows() async throws {
        let connection = try await TestDatabase.connect()
        let table = try SQLIdentifier.quote(TestDatabase.uniqueName("tx_rollback"))
        try connection.execute("CREATE TABLE \(table) (id int)")
        defer { _ = try? connection.execute("DROP TABLE \(table)") }
        #expect(throws: Boom.self) {
            try connection.transaction { tx in
                try tx.execute("INSERT INTO \(table) VALUES (1), (2)")
                _ = try tx.copyIn("COPY \(table) FROM STDIN") { try $0.write("3\n") }
                throw Boom()
            }
        }
        #expect(try connection.execute("SELECT count(*) FROM \(table)").firstValue == "0")
        // The connection is back to normal, outside any transaction.
        #expect(try connection.execute("SELECT 1").firstValue == "1")
    }

    @Test func swallowedStatementErrorDoesNotPassAsCommit() async throws {
        let connection = try await TestDatabase.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.transaction { tx in
                _ = try? tx.execute("SELECT 1/0")
            }
        }
        #expect(error.sqlState == "25P02")
        #expect(try connection.execute("SELECT 1").firstValue == "1")
    }

    @Test func nestedTransactionIsRefused() async throws {
        let connection = try await TestDatabase.connect()
        #expect(throws: PostgresError.self) {
            try connection.transaction { tx in try tx.transaction { _ in } }
        }
    }

    /// A session the server closed is a lost connection for the caller to reconnect, even
    /// when libpq found it broken before BEGIN: the ingestor stopped on it as a nesting error.
    @Test func aTransactionOnALostSessionIsAConnectionLoss() async throws {
        let connection = try await TestDatabase.connect()
        let killer = try await TestDatabase.connect()
        let pid = try #require(try connection.execute("SELECT pg_backend_pid()").firstValue)
        _ = try killer.execute("SELECT pg_terminate_backend($1::int)", [pid])
        try await Task.sleep(for: .milliseconds(200))
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        do {
            try connection.transaction { _ in }
            Issue.record("a transaction began on a closed session")
        } catch let error as PostgresError {
            #expect(error.isConnectionLoss, "\(error)")
        }
    }
}
