import ArgumentParser

/// Options every service shares.
struct ServiceOptions: ParsableArguments {
    @OptionGroup var lake: LakeOptions

    @Option(help: "The configs folder (default: CONFIG_DIR or ./configs).")
    var configs: String?

    func load() throws -> ServiceConfig { try ServiceConfig.load(configs: configs, lake: lake.root) }
}
