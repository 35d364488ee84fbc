import ArgumentParser
import Foundation
import HospitalCore

/// `--lake`, declared once for every command that reads or writes the lake. The root is
/// resolved by `Settings.lakePath`, the one place that knows LAKE_PATH and its default.
struct LakeOptions: ParsableArguments {
    @Option(help: "The lake folder (default: LAKE_PATH or ./shared_data).")
    var lake: String?

    /// The lake root: `--lake`, else LAKE_PATH, else ./shared_data.
    var root: String { Settings.lakePath(option: lake, environment: ProcessInfo.processInfo.environment) }

    var layout: LakeLayout { LakeLayout(root: root) }
}
