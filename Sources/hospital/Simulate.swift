import ArgumentParser
import Dispatch
import Foundation
import HospitalCore

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

        @Flag(help: "Print no progress lines.")
        var quiet = false

        func validate() throws {
            if let until, SimDate(iso: until) == nil { throw ValidationError("--until must be a date as YYYY-MM-DD") }
        }

        func run() async throws {
            let (settings, config) = try common.load()
            let stop = StopSignal()
            let clock = ProgressClock()
            do {
                let world = try HospitalWorld(config: config, profile: settings.profile, seed: settings.seed)
                let simulation = Simulation(world: world, layout: settings.layout)
                let outcome = try simulation.run(
                    until: until.flatMap { SimDate(iso: $0) }, shouldStop: { stop.requested },
                    progress: { if !quiet { Console.error(clock.line(for: $0)) } },
                    setupProgress: { if !quiet { Console.error("setup: \($0)") } })
                switch outcome {
                case .complete: Console.error("complete: \(settings.layout.state) says \(world.calendar.end)")
                case .stopped(let next): Console.error("stopped; run again to resume at \(next)")
                }
            } catch let error as GenerationError {
                Console.error("error: \(error)")
                throw ExitCode(2)
            } catch let error as LakeError {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
        }
    }
}

/// SIGINT/SIGTERM ask the run to stop after the step in hand.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            sources.append(source)
        }
    }

    private func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}

/// Progress lines with rate and ETA: the only place the wall clock is read, and it never reaches the lake.
struct ProgressClock {
    private let started = DispatchTime.now()

    func line(for progress: Simulation.Progress) -> String {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let rate = elapsed > 0 ? Double(progress.rows) / elapsed : 0
        let perDay = elapsed / Double(max(1, progress.ordinal))
        let eta = perDay * Double(progress.total - progress.ordinal)
        return "day \(progress.ordinal) of \(progress.total) \(progress.date) rows \(progress.rows) "
            + "rows/s \(Int(rate)) eta \(Int(eta.rounded()))s"
    }
}
