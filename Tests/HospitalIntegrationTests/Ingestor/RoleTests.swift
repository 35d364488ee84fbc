import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Testing

/// Least privilege, asked of PostgreSQL itself: the loader may read and insert and nothing
/// else, the reader may only read, and the loader alone is enough to run the ingestor.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct RoleTests {
    typealias F = WarehouseFixture

    /// Statements neither login may run, each with the object it tries.
    static let forbidden = [
        "DROP TABLE hospital_admissions.visits",
        "TRUNCATE hospital_admissions.visits",
        "DELETE FROM hospital_admissions.visits",
        "UPDATE hospital_operations.departments SET department = department",
        "ALTER TABLE hospital_admissions.visits ADD COLUMN x integer",
        "CREATE TABLE hospital_operations.intruder (x integer)",
        "CREATE SCHEMA intruder",
        "CREATE ROLE intruder",
        "COPY (SELECT 1) TO PROGRAM 'id'",
        "COPY hospital_admissions.visits TO '/tmp/hospital-role-test.csv'",
        // What PostgreSQL grants PUBLIC and neither login needs (SECURITY.md §What PUBLIC may do):
        // large objects, which outlive the session and have no size limit, and objects in public.
        "SELECT lo_from_bytea(0, '\\x00'::bytea)",
        "SELECT lo_create(0)",
        "SELECT lo_creat(-1)",
        "SELECT lo_import('/etc/hostname')",
        "SELECT lo_put(1, 0, '\\x00'::bytea)",
        "SELECT lo_open(1, 131072)",
        "SELECT lo_unlink(1)",
        "CREATE TABLE public.intruder (x integer)",
        "CREATE FUNCTION public.intruder() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "CREATE TYPE public.intruder AS (x integer)",
        // The warehouse's identity is the schema script's to write (docs/warehouse.md §The ledger).
        "INSERT INTO ingest.warehouse DEFAULT VALUES",
    ]

    /// What the reader may not do although the loader may: TEMP, which the loader's staging
    /// tables need, also makes temporary functions and types.
    static let forbiddenToTheReader = [
        "CREATE TEMP TABLE intruder_table (x integer)",
        "CREATE FUNCTION pg_temp.intruder_function() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "CREATE TYPE pg_temp.intruder_type AS (x integer)",
    ]

    /// A fresh database with the schema applied by its owner, and settings to log in as `role`.
    static func login(_ role: String) async throws -> (PQConnection, ConnectionSettings) {
        let owner = try await F.database()
        let connection = try await PQConnection.connect(owner, retry: .once, logger: F.logger)
        try connection.executeScript(try String(contentsOfFile: F.repository + "/db/db_schema.sql", encoding: .utf8))
        try connection.execute("ALTER ROLE \(role) PASSWORD 'role-test-\(role)'")
        var settings = owner
        settings.user = role
        settings.password = "role-test-\(role)"
        return (try await PQConnection.connect(settings, retry: .once, logger: F.logger), settings)
    }

    static func refusal(_ sql: String, on connection: PQConnection) -> String? {
        do {
            _ = try connection.execute(sql)
            return nil
        } catch let error as PostgresError {
            return error.sqlState
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["hospital_loader", "hospital_reader"])
    func neitherLoginMayChangeWhatIsThereNorRunAProgram(_ role: String) async throws {
        let (connection, _) = try await Self.login(role)
        for sql in Self.forbidden {
            #expect(Self.refusal(sql, on: connection) == "42501", "\(role) may run: \(sql)")
        }
        for sql in Self.forbiddenToTheReader {
            #expect(Self.refusal(sql, on: connection) == (role == "hospital_loader" ? nil : "42501"), "\(role): \(sql)")
        }
        #expect(Self.refusal("SELECT count(*) FROM hospital_admissions.visits", on: connection) == nil)
        let insert = "INSERT INTO hospital_operations.departments (department) VALUES ('Role test')"
        #expect(Self.refusal(insert, on: connection) == (role == "hospital_loader" ? nil : "42501"), "\(role) inserting")
    }

    @Test func theLoaderAloneRunsTheIngestor() async throws {
        let layout = try F.lake(days: 2)
        let (connection, _) = try await Self.login("hospital_loader")
        let schemas = try WarehouseSchemas(F.config.database.schemas, file: "database_config.json")
        let ingestor = BatchIngestor(
            layout: layout, connection: connection, schemas: schemas, topics: F.config.kafka.topics,
            calendar: Profile.golden.calendar, logger: F.logger)
        try ingestor.prepare(schemaSQL: nil, config: F.config)
        var quiet = 0
        while quiet < 2 { quiet = try ingestor.drainOnce().loaded == 0 ? quiet + 1 : 0 }
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed).isEmpty)
        #expect(try F.count(connection, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
    }
}
