/// Rows for one warehouse table, with the file line each came from.
public struct TableRows: Sendable {
    public let table: WarehouseTable
    public var rows: [[String?]] = []
    public var lines: [Int] = []

    public init(table: WarehouseTable) { self.table = table }
}
