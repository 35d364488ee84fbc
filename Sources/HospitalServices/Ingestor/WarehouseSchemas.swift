import HospitalCore
import HospitalWarehouse

/// The schema names of `database_config.json`, validated as SQL identifiers once, at start.
public struct WarehouseSchemas: Sendable {
    let names: [WarehouseTable.Schema: SQLIdentifier]

    public init(_ schemas: DatabaseConfig.Schemas, file: String) throws {
        var names: [WarehouseTable.Schema: SQLIdentifier] = [:]
        for (key, name) in [
            (WarehouseTable.Schema.operations, schemas.operations), (.admissions, schemas.admissions),
            (.transport, schemas.transport), (.transfers, schemas.transfers), (.summary, schemas.summary),
        ] {
            do {
                names[key] = try SQLIdentifier(name)
            } catch {
                throw ConfigError(file: file, key: "schemas.\(key.rawValue)", expected: "a lower-case SQL identifier, found '\(name)'")
            }
        }
        self.names = names
    }

    /// `schema.table`, quoted.
    public func qualified(_ schema: WarehouseTable.Schema, _ table: String) -> String {
        names[schema]!.quoted + "." + (try! SQLIdentifier.quote(table))
    }

    public func qualified(_ table: WarehouseTable) -> String { qualified(table.schema, table.name) }
}

extension ColumnType {
    /// The PostgreSQL type a staging column is declared with, so COPY parses each value.
    var sqlType: String {
        switch self {
        case .uuid: return "uuid"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case .time: return "time"
        case .integer: return "integer"
        case .decimal: return "numeric(6,2)"
        case .boolean: return "boolean"
        case .text: return "text"
        case .jsonArray: return "jsonb"
        }
    }
}
