import Testing

@testable import HospitalServices

/// The ledger is a cache of one warehouse's table: another warehouse, or a smaller table, is not it.
@Suite struct WarehouseIdentityTests {
    @Test func anotherIdOrFewerRowsIsAnotherWarehouse() {
        let read = WarehouseIdentity(id: "a", rows: 10)
        #expect(read.change(to: WarehouseIdentity(id: "a", rows: 10)) == nil)
        #expect(read.change(to: WarehouseIdentity(id: "a", rows: 12)) == nil, "other workers commit too")
        #expect(read.change(to: WarehouseIdentity(id: "b", rows: 0)) == "its identity is b, the ledger was read from a")
        #expect(
            read.change(to: WarehouseIdentity(id: "a", rows: 3))
                == "ingest.files holds 3 rows, fewer than the 10 this worker read or committed")
        #expect(WarehouseIdentity(id: nil, rows: 0).change(to: WarehouseIdentity(id: nil, rows: 0)) == nil, "an older schema has no id")
    }
}
