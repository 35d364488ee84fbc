import Foundation
import HospitalWarehouse
import Logging
import Testing

/// Endpoints for the integration tests: what `ci/pg.sh start` wrote (`DB_HOST`, …), with
/// the throwaway cluster's defaults otherwise.
enum TestDatabase {
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
