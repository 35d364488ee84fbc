import Crypto
import Foundation

/// Path, rows, bytes and SHA-256 of every file of a lake: what the goldens pin and what a
/// review reads in a diff. Its first line names the generator version, profile and seed.
public struct LakeManifest: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let path: String
        public let rows: Int
        public let bytes: Int
        public let sha256: String
    }

    public let header: String
    public let entries: [Entry]

    public init(header: String, entries: [Entry]) {
        self.header = header
        self.entries = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    public static func header(profile: String, seed: UInt64) -> String {
        "# \(SchedulerState.generatorVersion) profile \(profile) seed \(seed)"
    }

    public static func entry(path: String, data: Data) -> Entry {
        let newlines = data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let rows = path.hasSuffix(".csv") ? max(0, newlines - 1) : newlines
        let digest = SHA256.hash(data: data).hexString
        return Entry(path: path, rows: rows, bytes: data.count, sha256: digest)
    }

    public var text: String {
        var lines = [header, "path\trows\tbytes\tsha256"]
        for entry in entries { lines.append("\(entry.path)\t\(entry.rows)\t\(entry.bytes)\t\(entry.sha256)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func parse(_ text: String) -> LakeManifest? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count >= 2, lines[0].hasPrefix("# "), lines[1] == "path\trows\tbytes\tsha256" else { return nil }
        var entries: [Entry] = []
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let rows = Int(fields[1]), let bytes = Int(fields[2]) else { return nil }
            entries.append(Entry(path: String(fields[0]), rows: rows, bytes: bytes, sha256: String(fields[3])))
        }
        return LakeManifest(header: String(lines[0]), entries: entries)
    }

    /// How `actual` departs from this manifest, in path order. With `movable`, an expected
    /// `batch/X` is also matched by `processed/X` (services move files once handled), and
    /// `stream/` and `failed/` are left to the pipeline's own checks.
    public func differences(from actual: LakeManifest, movable: Bool = false) -> [String] {
        var found: [String: Entry] = [:]
        for entry in actual.entries { found[entry.path] = entry }
        var problems: [String] = []
        var seen = Set<String>()
        for expected in entries {
            var candidates = [expected.path]
            if movable, expected.path.hasPrefix("batch/") {
                candidates.append("processed/" + expected.path.dropFirst("batch/".count))
            }
            guard let path = candidates.first(where: { found[$0] != nil }), let entry = found[path] else {
                problems.append("missing \(expected.path)")
                continue
            }
            seen.insert(path)
            if entry.sha256 != expected.sha256 {
                problems.append("differs \(path) (rows \(entry.rows) vs \(expected.rows), bytes \(entry.bytes) vs \(expected.bytes))")
            }
        }
        // What the services add beside the generator's files (landed events, quarantine) is theirs to check.
        let servicesOwn = movable ? ["stream/", "failed/"] : []
        for entry in actual.entries where !seen.contains(entry.path) && !servicesOwn.contains(where: entry.path.hasPrefix) {
            problems.append("unexpected \(entry.path)")
        }
        return problems
    }
}
