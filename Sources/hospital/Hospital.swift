import ArgumentParser
import Foundation

@main
struct Hospital: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The hospital data platform: a seeded simulation of a public hospital and the services that carry it to PostgreSQL.",
        discussion:
            """
            Every command takes --log-level LEVEL (or LOG_LEVEL): trace, debug, info (the default), notice, warning, error or \
            critical; librdkafka's own log follows it. `hospital help COMMAND` shows a command's options and an example.
            Example: hospital simulate --profile tiny --lake /tmp/lake && hospital status --lake /tmp/lake
            """,
        subcommands: [
            Simulate.self, Scheduler.self, Broker.self, Producer.self, StreamProcessor.self, BatchIngestor.self, Healthcheck.self,
            Status.self, Verify.self, Report.self, Golden.self, Audit.self, Columns.self, Files.self,
        ])

    /// Bootstraps logging once from `--log-level` / `LOG_LEVEL` (docs/architecture.md
    /// §Configuration), then runs the command as ArgumentParser would.
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            LogLevel.bootstrap(try LogLevel.take(from: &arguments, environment: ProcessInfo.processInfo.environment))
        } catch {
            Self.exit(withError: ExitStatus.report(error))
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error where isArgumentParsers(error) {
            // Its exit codes, clean exits (help), validation and usage errors.
            exit(withError: error)
        } catch {
            // Whatever a command did not catch itself (a broker refusing, a lost session)
            // is still one line and exit 1, as docs/lake.md §Exit codes promises.
            exit(withError: ExitStatus.report(error))
        }
    }

    /// ArgumentParser's own errors include internal types (the help command's request), so
    /// they are told apart by the module that declares them.
    private static func isArgumentParsers(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
