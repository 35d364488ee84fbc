import Foundation

/// Moves a bad file into `failed/` beside `<name>.error.json` ({file, line, column, reason}),
/// so nothing is lost and the pipeline goes on.
public struct Quarantine: Sendable {
    public let layout: LakeLayout

    public init(layout: LakeLayout) { self.layout = layout }

    /// The error document first, then the move: a file in failed/ always has its reason.
    public func move(_ path: String, line: Int, column: Int, reason: String) throws {
        let name = (path as NSString).lastPathComponent
        try LakeFile.write(
            Self.report(file: layout.relative(path), line: line, column: column, reason: reason),
            to: layout.failed + "/" + name + ".error.json")
        guard rename(path, layout.failed + "/" + name) == 0 else {
            throw LakeError.io(path: path, operation: "rename to failed/", code: errno)
        }
        LakeFolders.sync(layout.failed)
    }

    /// Stores bytes that never were a file (an event that is not JSON) with their reason.
    public func store(_ bytes: [UInt8], name: String, reason: String, extra: [(String, String)] = []) throws {
        try LakeFile.write(bytes, to: layout.failed + "/" + name)
        try LakeFile.write(
            Self.report(file: "failed/" + name, line: 1, column: 1, reason: reason, extra: extra),
            to: layout.failed + "/" + name + ".error.json")
    }

    /// Records a loss that left no bytes to keep (offsets a broker deleted before they were
    /// read): only `<name>.error.json`, so whatever checks failed/ sees it.
    public func report(name: String, file: String, reason: String, extra: [(String, String)] = []) throws {
        try LakeFile.write(
            Self.report(file: file, line: 1, column: 1, reason: reason, extra: extra), to: layout.failed + "/" + name + ".error.json")
    }

    static func report(file: String, line: Int, column: Int, reason: String, extra: [(String, String)] = []) -> [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.member("file", file)
        json.member("line", line)
        json.member("column", column)
        json.member("reason", reason)
        for (key, value) in extra { json.member(key, value) }
        json.endObject()
        return json.line
    }
}
