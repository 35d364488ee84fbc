import ArgumentParser
import Foundation
import HospitalArchive
import HospitalCore
import HospitalLake
import HospitalServices
import Logging

extension Hospital {
    /// The end-to-end verdict: one PASS/FAIL line per check, exit 1 on any failure.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a finished pipeline run: flags, state, lake vs golden manifest, stream/ and warehouse.",
            discussion:
                "One PASS/FAIL line per check; exit 1 on any failure. Log in as hospital_reader.\nExample: DB_USER=hospital_reader hospital verify --lake ./shared_data"
        )

        @OptionGroup var options: ServiceOptions

        @Option(help: "The goldens folder (default: GOLDEN_DIR, else the nearest Golden/ above here or above the executable).")
        var golden: String?

        @Flag(help: "Check the lake only (no warehouse).")
        var lakeOnly = false

        func run() async throws {
            let logger = Logger(label: "hospital.verify")
            let environment = ProcessInfo.processInfo.environment
            // The lake says which profile, seed and calendar made it (`ServiceConfig.load`).
            if let note = SchedulerState.recover(from: options.lake.layout).note { print("note: \(note)") }
            let service = try options.load()
            let settings = service.settings
            let (database, schemas) = try service.database()
            let verifier = PipelineVerifier(
                layout: settings.layout, calendar: settings.profile.calendar, config: service.config, schemas: schemas)
            let folder = GoldenFolder.find(explicit: golden, profile: settings.profile.name, environment: environment)
            let goldenLake = GoldenLake(folder: folder + "/" + settings.profile.name)
            let problems = try goldenLake.verify(
                lake: settings.layout, header: LakeManifest.header(profile: settings.profile.name, seed: settings.seed), movable: true)
            var checks = try verifier.lakeChecks(goldenProblems: problems)
            checks.append(verifier.outboxCheck())
            let (stream, events) = try verifier.streamCheck()
            checks.append(stream)
            if !lakeOnly {
                let connection = try await service.connect(database, logger: logger)
                checks += try verifier.warehouseChecks(connection, events: events)
            }
            for check in checks { print(check.line) }
            let failed = checks.filter { !$0.passed }.count
            print("verify: \(checks.count - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitStatus.failed }
        }
    }
}
