import Testing

@testable import HospitalArchive

/// A golden mismatch is shown as what changed: one inserted line is one added line.
@Suite struct LineDiffTests {
    static let lines = (1...20).map { "row \($0)" }

    @Test func oneInsertedLineIsOneAddedLine() {
        var changed = Self.lines
        changed.insert("new row", at: 10)
        let diff = LineDiff.render(expected: Self.lines.joined(separator: "\n"), actual: changed.joined(separator: "\n"), name: "f")
        let body = diff.split(separator: "\n").dropFirst(2)
        #expect(Array(body) == ["@@ generated line 11 @@", "+new row"], "\(diff)")
    }

    @Test func aChangedLineIsOneRemovedAndOneAddedLine() {
        var changed = Self.lines
        changed[4] = "row five"
        changed.remove(at: 15)
        let edits = LineDiff.edits(
            Self.lines.map { Substring($0) }, changed.map { Substring($0) }
        ).filter { $0 != .same }
        #expect(edits == [.removed(line: 5, text: "row 5"), .added(line: 5, text: "row five"), .removed(line: 16, text: "row 16")])
    }

    @Test func aHugeMismatchFallsBackToLineByLineWithinItsLimit() {
        let old = (0..<3_000).map { "a\($0)" }.joined(separator: "\n")
        let new = (0..<3_000).map { "b\($0)" }.joined(separator: "\n")
        let diff = LineDiff.render(expected: old, actual: new, name: "f", limit: 4)
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count == 4 + 2)
    }
}
