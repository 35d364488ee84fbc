import ArgumentParser
import Dispatch
import Foundation
import HospitalCore
import HospitalLake

extension Hospital {
    /// The whole generator offline: the lake the scheduler service writes, without Kafka or PostgreSQL.
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the simulated lake (setup and every day), resuming where a previous run stopped.",
            discussion:
                "No Kafka, no PostgreSQL: the same bytes the scheduler writes.\nExample: hospital simulate --profile tiny --lake /tmp/lake --until 2023-01-31"
        )

        @OptionGroup var common: CommonOptions

        @Option(help: "Stop after this day (YYYY-MM-DD); run again to resume.")
        var until: String?

        @Option(
            help: ArgumentHelp(
                "For benchmarks: this many people, with staff and daily volume in proportion; the lake matches no golden.",
                valueName: "people"))
        var population: Int?

        @Flag(help: "Print no progress lines.")
        var quiet = false

        func validate() throws {
            if let until, SimDate(iso: until) == nil { throw ValidationError("--until must be a date as YYYY-MM-DD") }
            if let population, !(1_000...100_000_000).contains(population) {
                throw ValidationError("--population must be between 1000 and 100000000")
            }
        }

        func run() async throws {
            let (settings, config) = try common.load()
            try LakeAccess.open(settings.layout, writing: [""])
            let stop = StopSignal()
            let clock = ProgressClock()
            do {
                let profile = population.map { settings.profile.with(population: $0) } ?? settings.profile
                let world = try HospitalWorld(config: config, profile: profile, seed: settings.seed)
                let simulation = Simulation(world: world, layout: settings.layout)
                let outcome = try simulation.run(
                    until: until.flatMap { SimDate(iso: $0) }, shouldStop: { stop.requested },
                    progress: { if !quiet { Console.error(clock.line(for: $0)) } },
                    setupProgress: { if !quiet { Console.error("setup: \($0)") } })
                switch outcome {
                case .complete: Console.error("complete: \(settings.layout.state) says \(world.calendar.end)")
                case .stopped(let next): Console.error("stopped; run again to resume at \(next)")
                }
            } catch  where error is GenerationError || error is LakeError {
                throw ExitStatus.report(error)
            }
        }
    }
}
