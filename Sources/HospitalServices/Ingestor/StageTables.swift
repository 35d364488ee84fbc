import HospitalCore
import HospitalWarehouse

/// The temporary tables a file's rows are copied into before their references are checked,
/// made once per session (`ON COMMIT DELETE ROWS`) instead of once per file: creating and
/// dropping a table per file wrote the catalog each time and cost a round trip per table.
/// They are created outside the file's transaction, so a file that rolls back keeps them;
/// a new session (a reconnect) starts with none, and `forget` says so.
final class StageTables {
    private var created: Set<String> = []

    static func name(_ table: WarehouseTable) -> String { "stage_" + table.name }

    /// Creates the stage tables of `tables` this session lacks.
    func create(_ tables: [WarehouseTable], on connection: PQConnection) throws {
        for table in tables where !created.contains(Self.name(table)) {
            let declared = table.columns.map { "\(try! SQLIdentifier.quote($0.name)) \($0.type.sqlType)" }
            try connection.execute(
                "CREATE TEMP TABLE IF NOT EXISTS \(Self.name(table)) (_line integer, \(declared.joined(separator: ", "))) "
                    + "ON COMMIT DELETE ROWS")
            created.insert(Self.name(table))
        }
    }

    /// Stage tables that may hold another file's rows: in a transaction that loads several
    /// files, the rows of one stay until the commit, and the next file must not see them.
    private var filled: Set<String> = []

    func holdsRows(_ stage: String) -> Bool { filled.contains(stage) }

    func filled(_ stage: String) { filled.insert(stage) }

    /// The transaction ended, and with it every staged row.
    func emptied() { filled = [] }

    /// The session ended: its temporary tables went with it.
    func forget() { (created, filled) = ([], []) }
}
