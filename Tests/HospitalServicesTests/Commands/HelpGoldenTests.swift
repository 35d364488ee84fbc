import Foundation
import HospitalArchive
import HospitalTestSupport
import Testing

/// The help a person meets, pinned in Golden/cli/help.txt: `hospital --help` and every
/// subcommand's, each saying what it does with one example. GOLDEN_RECORD=1 rewrites it
/// (and fails, so CI cannot pass by recording).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct HelpGoldenTests {
    static let commands = [
        [], ["simulate"], ["scheduler"], ["broker"], ["producer"], ["stream-processor"], ["batch-ingestor"], ["healthcheck"],
        ["status"], ["verify"], ["report"], ["golden"], ["golden", "record"], ["golden", "verify"], ["audit"],
    ]

    static func help(_ command: [String]) throws -> String {
        let (status, output) = try ChildProcess.runToEnd(command + ["--help"], environment: ["COLUMNS": "80"], mergingOutput: true)
        #expect(status == 0, "hospital \(command.joined(separator: " ")) --help exited \(status)")
        return output
    }

    @Test func everyCommandSaysWhatItDoesWithAnExample() throws {
        for command in Self.commands {
            let text = try Self.help(command)
            #expect(text.hasPrefix("OVERVIEW: "), "hospital \(command.joined(separator: " ")) --help has no overview")
            #expect(text.contains("\nExample: "), "hospital \(command.joined(separator: " ")) --help has no example")
        }
    }

    @Test func helpTextMatchesItsSnapshot() throws {
        var text = ""
        for command in Self.commands {
            text += "$ hospital \((command + ["--help"]).joined(separator: " "))\n" + (try Self.help(command)) + "\n"
        }
        let fixture = StreamingTests.repository + "/Golden/cli/help.txt"
        switch try GoldenText.check(text, fixture: fixture, name: "cli/help.txt") {
        case .matches: break
        case .recorded: Issue.record("recorded \(fixture); run again without GOLDEN_RECORD to verify")
        case .differs(let diff): Issue.record("\(diff)")
        }
    }
}
