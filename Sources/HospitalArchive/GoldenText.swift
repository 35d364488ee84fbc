import Foundation

/// A golden text fixture (Golden/schema/*.tsv): recorded when `GOLDEN_RECORD` is set,
/// otherwise compared, with a line diff of the first differences.
public enum GoldenText {
    public enum Outcome: Equatable {
        case matches
        case recorded
        case differs(diff: String)
    }

    public static var recording: Bool { ProcessInfo.processInfo.environment["GOLDEN_RECORD"] != nil }

    public static func check(_ text: String, fixture path: String, name: String) throws -> Outcome {
        if recording {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return .recorded
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        return text == expected ? .matches : .differs(diff: LineDiff.render(expected: expected, actual: text, name: name))
    }
}
