import ArgumentParser
import HospitalCore
import HospitalLake

extension Hospital {
    /// Lake files by kind, for scripts: the grammar reads the names, so no script matches them.
    struct Files: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the paths of the lake's files of some kinds, one a line; or, with --events, the events they imply.",
            discussion:
                "For scripts; hidden from --help.\nExample: hospital files --lake ./shared_data --outbox --in batch",
            shouldDisplay: false)

        @OptionGroup var lake: LakeOptions

        @Option(help: "A kind of file (\(Self.kindNames.joined(separator: ", "))); repeatable.")
        var kind: [String] = []

        @Flag(help: "The producer's outbox: transport, transfers and dailySummary, and inFlight (held by a producer).")
        var outbox = false

        @Option(name: .customLong("in"), help: "A folder of the lake (batch, processed, failed); repeatable; default batch and processed.")
        var folders: [String] = []

        @Option(help: "Only files of this sim date (YYYY-MM-DD).")
        var date: String?

        @Flag(help: "Print the number of events the outbox files among them imply instead.")
        var events = false

        static let kindNames = LakeFileName.Kind.allCases.map { String(describing: $0) }

        func validate() throws {
            for name in kind where !Self.kindNames.contains(name) { throw ValidationError("--kind \(name) is not a kind of lake file") }
            for folder in folders where !["batch", "processed", "failed"].contains(folder) {
                throw ValidationError("--in must be batch, processed or failed")
            }
            if kind.isEmpty, !outbox { throw ValidationError("name at least one --kind, or --outbox") }
            if let date, SimDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD") }
        }

        func run() throws {
            var kinds = Set(LakeFileName.Kind.allCases.filter { kind.contains(String(describing: $0)) })
            if outbox { kinds.formUnion(LakeListing.outbox) }
            let listing = LakeListing(layout: lake.layout)
            let paths = listing.paths(
                of: kinds, in: folders.isEmpty ? ["batch", "processed"] : folders, date: date.flatMap { SimDate(iso: $0) })
            if events {
                print(try listing.events(in: paths))
            } else {
                for path in paths { print(path) }
            }
        }
    }
}
