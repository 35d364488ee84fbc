import ArgumentParser
import HospitalArchive
import HospitalCore

extension Hospital {
    /// Record or verify a lake against `Golden/<profile>/` (docs/profiles-and-goldens.md §Goldens).
    struct Golden: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a lake as the profile's golden snapshot, or verify a lake against it.",
            discussion: "Example: hospital golden verify --profile tiny --lake ./shared_data",
            subcommands: [Record.self, Verify.self])

        struct Options: ParsableArguments {
            @OptionGroup var common: CommonOptions

            @Option(help: "The goldens folder.")
            var golden = "Golden"

            func target() throws -> (Settings, GoldenLake, String) {
                let (settings, _) = try common.load()
                let header = LakeManifest.header(profile: settings.profile.name, seed: settings.seed)
                return (settings, GoldenLake(folder: golden + "/" + settings.profile.name), header)
            }
        }

        struct Record: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write MANIFEST.tsv (and lake.tar.gz for the golden profile) from a complete lake.",
                discussion: "Example: hospital golden record --profile golden --lake /tmp/golden-lake")
            @OptionGroup var options: Options

            func run() async throws {
                let (settings, golden, header) = try options.target()
                try golden.record(lake: settings.layout, header: header, withArchive: settings.profile.name == "golden")
                Console.error("recorded \(golden.manifestPath)")
            }
        }

        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Compare a lake with the profile's golden manifest.",
                discussion:
                    "Names the first differing file with a line diff; exit 1 on a mismatch.\nExample: hospital golden verify --profile tiny --lake ./shared_data --movable"
            )
            @OptionGroup var options: Options

            @Flag(help: "Accept batch/X found in processed/X, as after the services moved it.")
            var movable = false

            func run() async throws {
                let (settings, golden, header) = try options.target()
                let problems = try golden.verify(lake: settings.layout, header: header, movable: movable)
                guard problems.isEmpty else {
                    for problem in problems.prefix(20) { Console.error(problem) }
                    throw ExitStatus.failed
                }
                Console.error("lake matches \(golden.manifestPath)")
            }
        }
    }
}
