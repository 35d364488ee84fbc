import ArgumentParser
import Foundation
import HospitalCore
import HospitalLake

/// Options every command that reads the configs and the lake shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Profile: full, golden or tiny (default: SIM_PROFILE or full).")
    var profile: String?

    @OptionGroup var lake: LakeOptions

    @Option(help: "The seed (default: SIM_SEED or 20221120).")
    var seed: UInt64?

    @Option(help: "The configs folder (default: CONFIG_DIR or ./configs).")
    var configs: String?

    func validate() throws {
        if let profile, Profile.named(profile) == nil {
            throw ValidationError("--profile must be one of full, golden, tiny")
        }
    }

    /// Settings and configs, or one line on stderr and exit code 2.
    func load() throws -> (Settings, HospitalConfig) {
        do {
            var environment = ProcessInfo.processInfo.environment
            if let configs { environment["CONFIG_DIR"] = configs }
            // The lake's state, when it has one, names the run (`Settings.fromEnvironment`).
            let state = SchedulerState.recover(from: lake.layout).state
            let settings = try Settings.fromEnvironment(environment, profile: profile, seed: seed, lake: lake.root, state: state)
            return (settings, try HospitalConfig.load(from: settings.configDir))
        } catch let error as ConfigError {
            throw ExitStatus.report(error)
        }
    }
}
