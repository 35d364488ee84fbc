import HospitalWarehouse
import Testing

@Suite(.serialized, TestDatabase.needed, .timeLimit(.minutes(2)))
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
}
