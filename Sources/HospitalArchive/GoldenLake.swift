import Foundation
import HospitalCore
import HospitalLake

/// A golden snapshot: `lake.tar.gz` holds every file of a generated lake, `MANIFEST.tsv`
/// their digests. Comparing names the first differing file and shows a line diff.
public struct GoldenLake {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    public var manifestPath: String { folder + "/MANIFEST.tsv" }
    public var archivePath: String { folder + "/lake.tar.gz" }

    public func record(lake layout: LakeLayout, header: String, withArchive: Bool) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let manifest = try LakeManifest.scan(layout, header: header)
        try Data(manifest.text.utf8).write(to: URL(fileURLWithPath: manifestPath))
        guard withArchive else { return }
        let entries = try manifest.entries.map { entry in
            Tar.Entry(path: entry.path, content: [UInt8](try Data(contentsOf: URL(fileURLWithPath: layout.path(entry.path)))))
        }
        try Data(try Gzip.compress(Tar.archive(entries))).write(to: URL(fileURLWithPath: archivePath))
    }

    /// Problems found comparing `layout` with this golden; empty when they match.
    public func verify(lake layout: LakeLayout, header: String, movable: Bool = false) throws -> [String] {
        guard let text = try? String(contentsOfFile: manifestPath, encoding: .utf8), let expected = LakeManifest.parse(text) else {
            return ["no readable golden manifest at \(manifestPath)"]
        }
        var problems: [String] = []
        if expected.header != header { problems.append("manifest header is '\(expected.header)', expected '\(header)'") }
        let actual = try LakeManifest.scan(layout, header: header)
        let differences = expected.differences(from: actual, movable: movable)
        problems += differences
        if let first = differences.first(where: { $0.hasPrefix("differs ") }), FileManager.default.fileExists(atPath: archivePath) {
            let path = String(first.dropFirst("differs ".count).prefix { $0 != " " })
            problems.append(try lineDiff(path: path, layout: layout))
        }
        return problems
    }

    private func lineDiff(path: String, layout: LakeLayout) throws -> String {
        let archive = try Gzip.decompress([UInt8](try Data(contentsOf: URL(fileURLWithPath: archivePath))))
        let stored = try Tar.entries(archive)
        let moved = path.hasPrefix("processed/") ? "batch/" + path.dropFirst("processed/".count) : path
        guard let entry = stored.first(where: { $0.path == path }) ?? stored.first(where: { $0.path == moved }) else {
            return "(no copy of \(path) in \(archivePath))"
        }
        let actual = try String(contentsOfFile: layout.path(path), encoding: .utf8)
        return LineDiff.render(expected: String(decoding: entry.content, as: UTF8.self), actual: actual, name: path)
    }
}
