import ArgumentParser
import Foundation
import HospitalCore
import HospitalLake
import HospitalServices

extension Hospital {
    /// The pipeline at a glance, from the lake's files alone.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print setup steps, days generated / published / landed / loaded, lag, failed files and patient flow per ward.",
            discussion:
                "From the lake's files alone; names the report when hospital report has written it there.\nExample: hospital status --lake ./shared_data"
        )

        @OptionGroup var lake: LakeOptions

        @Option(help: "Profile for the calendar (default: the one the lake's state names, else SIM_PROFILE or full).")
        var profile: String?

        func validate() throws {
            if let profile, Profile.named(profile) == nil { throw ValidationError("--profile must be one of full, golden, tiny") }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let layout = lake.layout
            let snapshot = LakeSnapshot.read(layout)
            let settings: Settings
            do {
                settings = try Settings.fromEnvironment(environment, profile: profile, lake: layout.root, state: snapshot.state)
            } catch let error as ConfigError {
                throw ExitStatus.report(error)
            }
            let status = PipelineStatus(calendar: settings.profile.calendar, snapshot: snapshot, now: Date().timeIntervalSince1970)
            print("lake       \(layout.root) (profile \(settings.profile.name))")
            for line in status.lines { print(line) }
            if FileManager.default.fileExists(atPath: layout.report) { print("report     \(layout.report) (hospital report)") }
            let wards = WardFigures.read(layout)
            if wards.days > 0 {
                print("wards      over the \(wards.days) days summarised (midnight occupancy, nights at 75-95 %)")
                for line in wards.lines { print("  " + line) }
            }
        }
    }
}
