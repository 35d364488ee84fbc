import Foundation
import HospitalWarehouse
import Logging
import Testing

/// Endpoints for the integration tests: what `ci/pg.sh start` wrote (`DB_HOST`, …), with
/// the throwaway cluster's defaults otherwise.
enum TestDatabase {
    /// Run when `DB_HOST` names a server, skipped (and said so) otherwise; ci/test.sh sets
    /// `HOSPITAL_REQUIRE_SERVICES=1`, under which a missing server fails instead.
    static let needed = Testing.ConditionTrait.enabled(
        if: ProcessInfo.processInfo.environment["DB_HOST"] != nil
            || ProcessInfo.processInfo.environment["HOSPITAL_REQUIRE_SERVICES"] == "1",
        "needs PostgreSQL: set DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD (ci/test.sh starts one)")

    static var settings: ConnectionSettings {
        ConnectionSettings(environment: ProcessInfo.processInfo.environment)
    }

    static func connect() async throws -> PQConnection {
        var logger = Logger(label: "warehouse-tests")
        logger.logLevel = .warning
        return try await PQConnection.connect(settings, retry: RetryPolicy(maxAttempts: 3), logger: logger)
    }

    /// A table name unique to one test, so tests never see each other's rows.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
    }
}
