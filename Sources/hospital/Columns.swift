import ArgumentParser
import HospitalCore

extension Hospital {
    /// The CSV header of every kind of file the warehouse is loaded from, as the loader and
    /// the producer know them, so scripts that load the lake their own way
    /// (`ci/copy-baseline.sh`) never keep a copy (docs/performance.md §Warehouse load).
    struct Columns: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each loaded CSV kind and its header: `<kind> <column> <column> …`, a line a kind.",
            discussion: "For scripts; hidden from --help.\nExample: hospital columns",
            shouldDisplay: false)

        func run() {
            for kind in IngestFile.Kind.allCases {
                if let columns = kind.columns { print(([String(describing: kind)] + columns).joined(separator: " ")) }
            }
            for kind in OutboxFile.Kind.allCases {
                if let columns = kind.columns { print(([kind.rawValue] + columns).joined(separator: " ")) }
            }
        }
    }
}
