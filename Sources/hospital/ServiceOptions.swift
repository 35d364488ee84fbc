import ArgumentParser

/// Options every service shares.
struct ServiceOptions: ParsableArguments {
    @Option(help: "The lake folder (default: LAKE_PATH or ./shared_data).")
    var lake: String?

    @Option(help: "The configs folder (default: CONFIG_DIR or ./configs).")
    var configs: String?

    func load() throws -> ServiceConfig { try ServiceConfig.load(configs: configs, lake: lake) }
}
