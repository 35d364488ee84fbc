import HospitalWarehouse
import Testing

@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(2)))
struct CopyTests {
    /// Rows `i<TAB>name-i<TAB>i*0.5`, cut into chunks that do not align with line ends,
    /// since callers stream file blocks, not rows.
    static func chunks(rows: Int, badRowAt badRow: Int? = nil) -> [[UInt8]] {
        var data: [UInt8] = []
        for index in 1...rows {
            let id = index == badRow ? "not-a-number" : "\(index)"
            data += Array("\(id)\tname-\(index)\t\(Double(index) * 0.5)\n".utf8)
        }
        return stride(from: 0, to: data.count, by: 65_537).map { Array(data[$0..<min($0 + 65_537, data.count)]) }
    }

    @Test func copiesHundredThousandRowsIntoTemporaryTable() async throws {
        let connection = try await TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE copy_target (id bigint PRIMARY KEY, name text, score numeric)")
        let copied = try connection.copyIn("COPY copy_target (id, name, score) FROM STDIN", chunks: Self.chunks(rows: 100_000))
        #expect(copied == 100_000)
        let check = try connection.execute("SELECT count(*), sum(id), max(name) FROM copy_target")
        #expect(check.rows == [["100000", "5000050000", "name-99999"]])
    }

    @Test func badRowRaises22P02AndStoresNothing() async throws {
        let connection = try await TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE copy_bad (id bigint, name text, score numeric)")
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY copy_bad FROM STDIN", chunks: Self.chunks(rows: 50_000, badRowAt: 25_000))
        }
        print("bad COPY row ->", error)
        #expect(error.sqlState == "22P02")
        #expect(error.kind == .server)
        #expect(error.context?.contains("line 25000") == true)
        #expect(try connection.execute("SELECT count(*) FROM copy_bad").firstValue == "0")
    }

    @Test func throwingProducerCancelsCopyAndKeepsConnectionUsable() async throws {
        struct SourceBroke: Error {}
        let connection = try await TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE copy_cancel (id bigint)")
        #expect(throws: SourceBroke.self) {
            try connection.copyIn("COPY copy_cancel FROM STDIN") { writer in
                try writer.write("1\n2\n")
                throw SourceBroke()
            }
        }
        #expect(try connection.execute("SELECT count(*) FROM copy_cancel").firstValue == "0")
        let copied = try connection.copyIn("COPY copy_cancel FROM STDIN") { writer in try writer.write("7\n") }
        #expect(copied == 1)
    }

    @Test func copyStatementThroughExecuteIsRefusedCleanly() async throws {
        let connection = try await TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE copy_misuse (id bigint)")
        #expect(throws: PostgresError.self) { try connection.execute("COPY copy_misuse FROM STDIN") }
        #expect(try connection.execute("SELECT count(*) FROM copy_misuse").firstValue == "0")
    }

    @Test func uniqueViolationGives23505() async throws {
        let connection = try await TestDatabase.connect()
        try connection.execute("CREATE TEMP TABLE uniq (id int PRIMARY KEY)")
        try connection.execute("INSERT INTO uniq VALUES ($1)", ["1"])
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("INSERT INTO uniq VALUES ($1)", ["1"])
        }
        print("duplicate key ->", error)
        #expect(error.sqlState == "23505")
        #expect(error.severity == "ERROR")
        #expect(error.detail == "Key (id)=(1) already exists.")
        #expect(error.description.contains("23505"))
        // The row a violation quotes stays out of what logs print.
        #expect(!error.description.contains("Key (id)=(1)"))
        #expect(error.debugDescription.contains("Key (id)=(1) already exists."))
    }
}
