import ArgumentParser

/// Options every service shares.
struct ServiceOptions: ParsableArguments {
    @OptionGroup var lake: LakeOptions

    @Option(help: "The configs folder (default: CONFIG_DIR or ./configs).")
    var configs: String?

    func load(pinned: Bool = true) throws -> ServiceConfig { try ServiceConfig.load(configs: configs, lake: lake.root, pinned: pinned) }

    /// A service's `--poll-seconds`: a millisecond at least (below that the service spins on
    /// an idle lake), a minute at most (SIGTERM is answered within one poll).
    static func validate(pollSeconds: Double) throws {
        if !(0.001...60).contains(pollSeconds) { throw ValidationError("--poll-seconds must be from 0.001 to 60") }
    }
}
