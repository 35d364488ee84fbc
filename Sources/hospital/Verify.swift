import ArgumentParser
import Foundation
import HospitalArchive
import HospitalCore
import HospitalServices
import Logging

extension Hospital {
    /// The end-to-end verdict (DESIGN §8): one PASS/FAIL line per check, exit 1 on any failure.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a finished pipeline run: flags, state, lake vs golden manifest, stream/ and warehouse.")

        @OptionGroup var options: ServiceOptions

        @Option(help: "The goldens folder.")
        var golden = "Golden"

        @Flag(help: "Check the lake only (no warehouse).")
        var lakeOnly = false

        func run() async throws {
            let logger = Logger(label: "hospital.verify")
            let service = try options.load()
            let settings = service.settings
            let (database, schemas) = try service.database()
            let verifier = PipelineVerifier(
                layout: settings.layout, calendar: settings.profile.calendar, config: service.config, schemas: schemas)
            let goldenLake = GoldenLake(folder: golden + "/" + settings.profile.name)
            let problems = try goldenLake.verify(
                lake: settings.layout, header: LakeManifest.header(profile: settings.profile.name, seed: settings.seed), movable: true)
            var checks = try verifier.lakeChecks(goldenProblems: problems)
            let (stream, events) = try verifier.streamCheck()
            checks.append(stream)
            if !lakeOnly {
                let connection = try await service.connect(database, logger: logger)
                checks += try verifier.warehouseChecks(connection, events: events)
            }
            for check in checks { print(check.line) }
            let failed = checks.filter { !$0.passed }.count
            print("verify: \(checks.count - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
