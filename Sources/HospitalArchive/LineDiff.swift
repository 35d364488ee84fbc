/// A short line diff for a golden mismatch: the first differing lines with some context.
public enum LineDiff {
    public static func render(expected: String, actual: String, name: String, limit: Int = 10) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = ["--- golden/\(name)", "+++ generated/\(name)"]
        var shown = 0
        for index in 0..<max(old.count, new.count) where shown < limit {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            guard a != b else { continue }
            lines.append("@@ line \(index + 1) @@")
            if let a { lines.append("-" + a) }
            if let b { lines.append("+" + b) }
            shown += 1
        }
        return lines.joined(separator: "\n")
    }
}
