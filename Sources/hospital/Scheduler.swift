import ArgumentParser
import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import Logging

extension Hospital {
    /// The long-running generator service: `simulate`'s bytes, paced to the pipeline.
    struct Scheduler: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the lake day by day, waiting for the producer and the ingestor; idle when complete.",
            discussion:
                "Logs one line per simulated day (day k of N, rows, rows/s, ETA); SIGTERM stops it after the step in hand.\nExample: SIM_PROFILE=tiny hospital scheduler --lake ./shared_data --exit-when-complete"
        )

        @OptionGroup var options: ServiceOptions

        @Flag(inversion: .prefixedNo, help: "Wait for each day's outbox to leave batch/ before advancing (a producer runs).")
        var waitForProducer = true

        @Flag(inversion: .prefixedNo, help: "Wait while the ingestor is more than MAX_INGEST_LAG_DAYS sim days behind.")
        var waitForIngestor = true

        @Flag(help: "Exit 0 when the calendar is complete instead of idling until SIGTERM.")
        var exitWhenComplete = false

        @Option(help: "Seconds between looks at batch/ while waiting.")
        var pollSeconds = 0.1

        func validate() throws {
            try ServiceOptions.validate(pollSeconds: pollSeconds)
        }

        func run() async throws {
            let logger = Logger(label: "hospital.scheduler")
            let service = try options.load()
            let settings = service.settings
            let layout = settings.layout
            try LakeAccess.open(layout, writing: ["", "batch", "processed", ".setup_flags", ".daily_flags", ".health"])
            let stop = StopSignal()
            let health = HealthReporter(service: "scheduler", layout: layout, logger: logger)
            var scheduling = SchedulerOptions(settings: settings)
            scheduling.waitForProducer = waitForProducer
            scheduling.waitForIngestor = waitForIngestor
            scheduling.pollSeconds = pollSeconds
            scheduling.exitWhenComplete = exitWhenComplete
            do {
                let world = try HospitalWorld(config: service.config, profile: settings.profile, seed: settings.seed)
                let scheduler = SchedulerService(
                    world: world, layout: layout, options: scheduling, logger: logger, health: health, shouldStop: { stop.requested })
                _ = try scheduler.run()
            } catch  where error is GenerationError || error is LakeError {
                health.finish(.failed, detail: "\(error)")
                throw ExitStatus.report(error)
            }
        }
    }
}
