import Foundation
import HospitalCore
import HospitalLake
import Logging

/// The scheduler service (issue 5): the same `Simulation` as `hospital simulate`, so the
/// same bytes, run with a gate that waits for the producer and the ingestor and paces the
/// days. Stopping at any wait leaves flags and state such that a restart resumes with
/// identical bytes. When the calendar is done it idles, beating, until stopped, so Compose
/// does not mistake a finished run for a crash.
public final class SchedulerService {
    let simulation: Simulation
    let options: SchedulerOptions
    let logger: Logger
    let health: HealthReporter?
    let shouldStop: () -> Bool

    public init(
        world: HospitalWorld, layout: LakeLayout, options: SchedulerOptions, logger: Logger, health: HealthReporter? = nil,
        shouldStop: @escaping () -> Bool
    ) {
        simulation = Simulation(world: world, layout: layout)
        self.options = options
        self.logger = logger
        self.health = health
        self.shouldStop = shouldStop
    }

    /// Runs to the end of the calendar or until stopped; returns what `Simulation` did.
    public func run() throws -> Simulation.Outcome {
        let calendar = simulation.world.calendar
        let started = ContinuousClock.now
        let done = (try? SchedulerState.load(from: simulation.layout))?.daysCompleted ?? 0
        var counts = ["days_completed": done, "days_total": calendar.dayCount]
        health?.beat(.running, detail: "setup", counts: counts)
        let gate = SchedulerGate(
            layout: simulation.layout, options: options, lastDay: calendar.end, logger: logger, shouldStop: shouldStop,
            heartbeat: { [health] in health?.beat($0, detail: $1) })
        let outcome = try simulation.run(
            shouldStop: shouldStop, hooks: gate,
            progress: { [logger, health] progress in
                let elapsed = max(1e-9, (ContinuousClock.now - started) / .seconds(1))
                let perDay = elapsed / Double(max(1, progress.ordinal))
                logger.info(
                    "day generated",
                    metadata: [
                        LogKey.simDate: "\(progress.date)", LogKey.day: "\(progress.ordinal)", LogKey.days: "\(progress.total)",
                        LogKey.rows: "\(progress.rows)", LogKey.rate: "\(Int(Double(progress.rows) / elapsed))",
                        LogKey.eta: "\(Int((perDay * Double(progress.total - progress.ordinal)).rounded()))",
                    ])
                counts["days_completed"] = progress.ordinal
                counts["days_run", default: 0] += 1
                counts["rows"] = progress.rows
                health?.beat(.running, detail: "generated \(progress.date)", counts: counts)
            },
            setupProgress: { [logger, health] step in
                logger.info("setup step", metadata: [LogKey.step: "\(step)"])
                health?.beat(.running, detail: "setup \(step)")
            })
        switch outcome {
        case .complete:
            logger.info("run complete", metadata: [LogKey.simDate: "\(calendar.end)"])
            health?.beat(
                .idle, detail: "complete \(calendar.end)", counts: ["days_completed": calendar.dayCount, "days_total": calendar.dayCount])
            if !options.exitWhenComplete { idle() }
        case .stopped(let next):
            logger.info("stopped; a restart resumes", metadata: [LogKey.simDate: "\(next)"])
        }
        health?.finish(.stopped)
        return outcome
    }

    /// After the last day: nothing to do but stay alive and healthy until stopped.
    private func idle() {
        while !shouldStop() {
            health?.beat(.idle)
            Thread.sleep(forTimeInterval: options.pollSeconds)
        }
    }
}
