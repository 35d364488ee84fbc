import HospitalWarehouse

/// Which warehouse a ledger was read from: the id the schema script writes once into
/// `ingest.warehouse` (docs/warehouse.md §Transactions), and how many rows of `ingest.files`
/// the worker knows. Asked before every pass, so an idle worker notices a replaced warehouse
/// too (it may run no other statement for hours).
struct WarehouseIdentity: Equatable {
    var id: String?
    var rows: Int

    static func read(_ connection: PQConnection) throws -> WarehouseIdentity {
        // A warehouse made by an older schema script has no identity row; the size of its
        // ledger still tells a loss.
        let hasRow = try connection.execute("SELECT to_regclass('ingest.warehouse') IS NOT NULL").firstValue == "t"
        let row = try connection.execute(
            "SELECT \(hasRow ? "(SELECT id::text FROM ingest.warehouse)" : "NULL"), (SELECT count(*) FROM ingest.files)"
        ).rows.first
        return WarehouseIdentity(id: row?[0], rows: Int(row?[1] ?? "") ?? 0)
    }

    /// Why the warehouse that answers `now` is not the one this ledger was read from, or nil
    /// while it is: another id (dropped and created anew, or its schema applied afresh), or
    /// fewer ledger rows than the worker knows (the ledger only grows, so rows gone mean a
    /// restored backup or a hand-emptied table).
    func change(to now: WarehouseIdentity) -> String? {
        if now.id != id { return "its identity is \(now.id ?? "none"), the ledger was read from \(id ?? "none")" }
        if now.rows < rows { return "ingest.files holds \(now.rows) rows, fewer than the \(rows) this worker read or committed" }
        return nil
    }
}
