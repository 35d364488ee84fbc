import HospitalCore
import HospitalWarehouse
import Testing

@testable import HospitalServices

/// Workers side by side: a child passed by because another worker held its parent is loaded
/// in the same pass once that parent commits, not left, with a core, for the next pass.
@Suite(WarehouseFixture.needsDatabase)
struct UnsettledTests {
    typealias F = WarehouseFixture

    let parent = IngestFile(name: "daily_visitors_2022-11-21.csv")!
    let child = IngestFile(name: "admissions_2022-11-21.csv")!
    let otherDay = IngestFile(name: "admissions_2022-11-22.csv")!

    private func warehouse(_ name: String = #function) async throws -> PQConnection {
        let connection = try await PQConnection.connect(try await F.database(name), retry: .once, logger: F.logger)
        try connection.executeScript(try String(contentsOfFile: F.repository + "/db/db_schema.sql", encoding: .utf8))
        return connection
    }

    private func commitLedgerRow(_ file: IngestFile, on connection: PQConnection) throws {
        try connection.execute(
            "INSERT INTO ingest.files (file_name, sha256, rows, target) VALUES ($1, repeat('ab', 32), 1, 'hospital_admissions.visits')",
            [file.name])
    }

    @Test func aParentHeldElsewhereHoldsItsChildUntilItsLedgerRowCommits() async throws {
        let connection = try await warehouse()
        var ledger = Ledger()
        var unsettled = Unsettled()
        unsettled.add(parent, .inFlight)
        #expect(try unsettled.holds(child, ledger: &ledger, connection: connection))
        #expect(try !unsettled.holds(otherDay, ledger: &ledger, connection: connection))
        try commitLedgerRow(parent, on: connection)
        #expect(try !unsettled.holds(child, ledger: &ledger, connection: connection))
        #expect(ledger.contains(parent.name))
    }

    /// A parent this worker left waiting (its flag, or its own parent, is not there yet) holds
    /// its children for the rest of the pass whatever the ledger says: it was not loaded here.
    @Test func aParentWaitingHereHoldsItsChildForThePass() async throws {
        let connection = try await warehouse()
        try commitLedgerRow(parent, on: connection)
        var ledger = Ledger()
        var unsettled = Unsettled()
        unsettled.add(parent, .waiting)
        unsettled.add(otherDay, .loaded(name: otherDay.name, sha256: "ab", rows: 1, setAside: 0, batch: true))
        #expect(try unsettled.holds(child, ledger: &ledger, connection: connection))
        #expect(!ledger.contains(parent.name))
    }
}
