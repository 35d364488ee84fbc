import Foundation
import HospitalCore
import Testing

/// The lake's names as docs/lake.md promises them: the folder tree's root files, the table of
/// files and the table of flags, each pattern expanded over a calendar. Read from the prose
/// and not from `LakeFileName` or `LakeFlag`, so a name the writer changes and the doc does not
/// is a difference, not the same change on both sides.
struct DocumentedLake {
    let text: String

    init(path: String) throws {
        text = try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Every file a finished run over `calendar` leaves, by path from the lake root.
    func names(over calendar: SimCalendar) throws -> Set<String> {
        let sessions = try #require(match(#"`<n>` a session \((\d+)\.\.(\d+)\)"#))
        let stepDays = try #require(match(#"every (\d+) days"#, in: rows(under: "## Files").map(\.step).joined()))
        var names = Set(rootFiles())
        for (cell, step) in rows(under: "## Files") + rows(under: "## Flags") {
            let quoted = cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            let pattern = String(quoted[0].element)
            var patterns = [pattern]
            if quoted.count > 1, quoted[1].element.hasPrefix(".") {
                patterns.append((pattern as NSString).deletingPathExtension + quoted[1].element)
            }
            // A setup step writes its dated files once per workforce step; a step done on D+1
            // has no D+1 after the last day.
            var dates = calendar.dates
            if step.hasPrefix("setup") { dates = dates.filter { ($0.dayNumber - calendar.start.dayNumber) % stepDays[0] == 0 } }
            if step.contains("of D+1") { dates = Array(dates.dropLast()) }
            for pattern in patterns {
                names.formUnion(expand(pattern, dates: dates, months: calendar.dates, sessions: sessions[0]...sessions[1]))
            }
        }
        return names
    }

    private func expand(_ pattern: String, dates: [SimDate], months: [SimDate], sessions: ClosedRange<Int>) -> [String] {
        var names = [pattern]
        if pattern.contains("<YYYY-MM>") {
            let keys = months.map(\.monthKey).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            names = keys.map { pattern.replacingOccurrences(of: "<YYYY-MM>", with: $0) }
        }
        if pattern.contains("<D>") { names = dates.map { pattern.replacingOccurrences(of: "<D>", with: $0.description) } }
        if pattern.contains("<n>") {
            names = names.flatMap { name in sessions.map { name.replacingOccurrences(of: "<n>", with: "\($0)") } }
        }
        return names
    }

    /// The first two cells of each row of the table after `heading`.
    private func rows(under heading: String) -> [(cell: String, step: String)] {
        let section = text.components(separatedBy: heading + "\n")[1].components(separatedBy: "\n## ")[0]
        return section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0], cells[1])
        }
    }

    /// The files at the root of the folder tree that belong to a golden, with their `(+ .bak)`.
    private func rootFiles() -> [String] {
        let tree = text.components(separatedBy: "## Folders")[1].components(separatedBy: "```")[1]
        return tree.split(separator: "\n").flatMap { line -> [String] in
            let name = String(line.trimmingCharacters(in: .whitespaces).prefix { $0 != " " })
            guard line.hasPrefix("  "), !name.hasSuffix("/"), !name.contains("/"), !line.contains("never part of a golden") else {
                return []
            }
            return line.contains("(+ .bak)") ? [name, name + ".bak"] : [name]
        }
    }

    /// The whole-number groups of the first match of `pattern`.
    private func match(_ pattern: String, in string: String? = nil) -> [Int]? {
        let string = string ?? text
        guard
            let found = try? NSRegularExpression(pattern: pattern).firstMatch(in: string, range: NSRange(string.startIndex..., in: string))
        else { return nil }
        return (1..<found.numberOfRanges).compactMap { Range(found.range(at: $0), in: string).flatMap { Int(string[$0]) } }
    }
}
