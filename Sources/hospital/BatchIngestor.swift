import ArgumentParser
import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Logging

extension Hospital {
    /// Loads the lake into PostgreSQL 15 (docs/warehouse.md).
    struct BatchIngestor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch-ingestor", abstract: "Load batch/ and stream/ into the warehouse, each file exactly once.",
            discussion:
                "Logs in with DB_* (hospital_loader); a bad file goes to failed/ with its reason and the rest loads.\nExample: DB_HOST=127.0.0.1 hospital batch-ingestor --lake ./shared_data --drain"
        )

        @OptionGroup var options: ServiceOptions

        @Flag(help: "Load what is there now and exit 0.")
        var drain = false

        @Option(help: "A schema script to apply at start, as a role that owns the schema (default: DB_SCHEMA_SQL; none when unset).")
        var schema: String?

        @Option(help: "Seconds between looks at the lake when nothing was loaded.")
        var pollSeconds = 0.5

        @Option(help: "Ingest workers, each with its own database session (default: the number of cores).")
        var workers: Int?

        func validate() throws {
            try ServiceOptions.validate(pollSeconds: pollSeconds)
            if let workers, !(1...64).contains(workers) { throw ValidationError("--workers must be from 1 to 64") }
        }

        func run() async throws {
            let logger = Logger(label: "hospital.batch-ingestor")
            let service = try options.load()
            let layout = service.settings.layout
            try LakeAccess.open(layout, writing: ["batch", "processed", "failed", ".health"])
            let stop = StopSignal()
            let health = HealthReporter(service: "batch-ingestor", layout: layout, logger: logger)
            do {
                try await serve(service, layout: layout, stop: stop, health: health, logger: logger)
                health.finish()
            } catch  where stop.requested {
                health.finish()  // told to stop while waiting: a clean stop, exit 0
            } catch {
                // The health file says why the service gave up, for healthchecks and `status`.
                health.finish(.failed, detail: "\(error)")
                throw error
            }
        }

        private func serve(_ service: ServiceConfig, layout: LakeLayout, stop: StopSignal, health: HealthReporter, logger: Logger)
            async throws
        {
            let (settings, schemas) = try service.database()
            let isStopped: @Sendable () -> Bool = { stop.requested }
            var ingestors: [HospitalServices.BatchIngestor] = []
            for index in 0..<(workers ?? ProcessInfo.processInfo.activeProcessorCount) {
                let connection = try await service.connect(settings, logger: logger, shouldStop: isStopped)
                let ingestor = HospitalServices.BatchIngestor(
                    layout: layout, connection: connection, schemas: schemas, topics: service.config.kafka.topics,
                    calendar: service.settings.profile.calendar, logger: logger)
                // The schema is applied once, by the first worker, before any other starts.
                try ingestor.prepare(schemaSQL: index == 0 ? try schemaScript(service) : nil, config: service.config)
                ingestors.append(ingestor)
            }
            let pool = IngestWorkers(ingestors)
            while !stop.requested {
                var pass = HospitalServices.BatchIngestor.Pass()
                for (ingestor, result) in zip(pool.ingestors, pool.drainOnce(shouldStop: isStopped)) {
                    do {
                        pass = pass + (try result.get())
                    } catch let error as PostgresError where error.isConnectionLoss || Self.isBeingReplaced(error) {
                        // A restart of the database is a pause, not an end: reconnect and go on
                        // where the ledger says (docs/warehouse.md §Transactions).
                        logger.warning("database connection lost; reconnecting", metadata: [LogKey.reason: "\(error.message)"])
                        health.beat(.waiting, detail: "database connection lost: \(error.message)")
                        try await rejoin(ingestor, settings: settings, stop: stop, health: health, logger: logger)
                        pass.loaded += 1  // look again at once
                    }
                }
                let total = pool.total
                // Waiting, for `hospital status`, while a pass loads nothing and a file waits.
                let idle = pass.loaded + pass.archived + pass.failed == 0
                health.beat(
                    idle && total.firstWaiting != nil ? .waiting : .running,
                    detail: total.firstWaiting.map { "files wait for their flags or parents, the first \($0)" } ?? "",
                    counts: [
                        "files_loaded": total.loaded, "rows_loaded": total.rows, "files_failed": total.failed,
                        "files_waiting": total.waiting, "days_loaded": pool.daysLoaded,
                    ])
                if idle {
                    if drain { break }
                    try await Task.sleep(for: .seconds(pollSeconds))
                }
            }
            let total = pool.total
            logger.info(
                "ingestor stopped",
                metadata: [
                    "ingest.loaded": "\(total.loaded)", "ingest.rows": "\(total.rows)", "ingest.failed": "\(total.failed)",
                    "ingest.waiting": "\(total.waiting)",
                ])
        }

        /// Reconnects a worker whose session was lost, however long it takes. A database that
        /// is gone, or has no ledger yet, is being replaced (dropped, created again, its schema
        /// applied): it is waited for like a server that is down, then reconciled as at start.
        private func rejoin(
            _ ingestor: HospitalServices.BatchIngestor, settings: ConnectionSettings, stop: StopSignal, health: HealthReporter,
            logger: Logger
        ) async throws {
            while true {
                do {
                    let connection = try await PQConnection.connect(
                        settings, retry: RetryPolicy(maxAttempts: .max), logger: logger, shouldStop: { stop.requested })
                    try ingestor.reconnect(connection)
                    return
                } catch let error as PostgresError where Self.isBeingReplaced(error) && !stop.requested {
                    health.beat(.waiting, detail: "warehouse being replaced: \(error.message)")
                    try await Task.sleep(for: .seconds(pollSeconds))
                }
            }
        }

        /// No such database (3D000), schema (3F000) or table (42P01): the warehouse is being replaced.
        static func isBeingReplaced(_ error: PostgresError) -> Bool { ["3D000", "3F000", "42P01"].contains(error.sqlState ?? "") }

        /// The schema script, only when asked for: the schema's owner applies it (the postgres
        /// container's init folder, ci/pg.sh), and the least-privileged login the services use
        /// may not (docs/warehouse.md §Roles). A path given must be readable.
        private func schemaScript(_ service: ServiceConfig) throws -> String? {
            guard let path = schema ?? service.environment["DB_SCHEMA_SQL"] else { return nil }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ExitStatus.configuration("schema script \(path): file is missing or unreadable")
            }
            return text
        }
    }
}
