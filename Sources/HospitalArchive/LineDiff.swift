/// A short line diff for a golden mismatch: the changed lines with their numbers, found by a
/// longest common subsequence, so one inserted line shows as one added line rather than as
/// every line after it changed.
public enum LineDiff {
    /// One line of the diff: kept, or only in the golden (`-`), or only in the generated (`+`).
    enum Edit: Equatable {
        case same
        case removed(line: Int, text: Substring)
        case added(line: Int, text: Substring)
    }

    /// The common prefix and suffix are cut first; what is left is matched exactly when it is
    /// small enough for a table of its lengths, else line by line (a mismatch that large
    /// needs no precise diff to be read).
    static let tableLimit = 4_000_000

    public static func render(expected: String, actual: String, name: String, limit: Int = 10) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = ["--- golden/\(name)", "+++ generated/\(name)"]
        var shown = 0
        var previous = Edit.same
        for edit in edits(old, new) where edit != .same && shown < limit {
            switch edit {
            case .removed(let line, let text):
                if case .removed = previous {} else { lines.append("@@ golden line \(line) @@") }
                lines.append("-" + text)
            case .added(let line, let text):
                if case .same = previous { lines.append("@@ generated line \(line) @@") }
                lines.append("+" + text)
            case .same:
                break
            }
            previous = edit
            shown += 1
        }
        return lines.joined(separator: "\n")
    }

    /// The edits turning `old` into `new`, lines numbered from 1; `.same` marks a kept line.
    static func edits(_ old: [Substring], _ new: [Substring]) -> [Edit] {
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var end = 0
        while end < old.count - start, end < new.count - start, old[old.count - 1 - end] == new[new.count - 1 - end] { end += 1 }
        let a = Array(old[start..<(old.count - end)])
        let b = Array(new[start..<(new.count - end)])
        var middle: [Edit] = []
        if a.count * b.count <= tableLimit {
            // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
            var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var (i, j) = (0, 0)
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, a[i] == b[j] {
                    middle.append(.same)
                    (i, j) = (i + 1, j + 1)
                } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                    // A changed line reads as the golden's line, then the generated one.
                    middle.append(.removed(line: start + i + 1, text: a[i]))
                    i += 1
                } else {
                    middle.append(.added(line: start + j + 1, text: b[j]))
                    j += 1
                }
            }
        } else {
            for index in 0..<max(a.count, b.count) {
                if index < a.count, index < b.count, a[index] == b[index] {
                    middle.append(.same)
                    continue
                }
                if index < a.count { middle.append(.removed(line: start + index + 1, text: a[index])) }
                if index < b.count { middle.append(.added(line: start + index + 1, text: b[index])) }
            }
        }
        return [Edit](repeating: .same, count: start) + middle + [Edit](repeating: .same, count: end)
    }
}
