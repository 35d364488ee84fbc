import Foundation
import HospitalCore

/// Moves a bad file into `failed/` beside `<name>.error.json` ({file, line, column, reason}),
/// so nothing is lost and the pipeline goes on.
public struct Quarantine: Sendable {
    public let layout: LakeLayout
    /// The service that set the file aside, named in its report so `status` can say who did.
    public let service: String

    public init(layout: LakeLayout, service: String) {
        self.layout = layout
        self.service = service
    }

    /// The error document first, then the move: a file in failed/ always has its reason. The
    /// entry moves by name whatever it is (a link stays a link, never followed); a name
    /// quarantined before keeps its file, and the newcomer gets `<name>.1`, `<name>.2`, …
    /// Returns the name it has in failed/.
    @discardableResult
    public func move(_ path: String, line: Int, column: Int, reason: String, extra: [(String, String)] = []) throws -> String {
        let name = freeName((path as NSString).lastPathComponent)
        try LakeFile.write(
            document(file: layout.relative(path), line: line, column: column, reason: reason, extra: extra),
            to: reportPath(of: name))
        guard rename(path, layout.failed + "/" + name) == 0 else {
            throw LakeError.io(path: path, operation: "rename to failed/", code: errno)
        }
        LakeFolders.sync(layout.failed)
        return name
    }

    /// Where the reason of the quarantined `name` is kept.
    public func reportPath(of name: String) -> String {
        layout.failed + "/" + LakeFileName.errorReport(of: name).name
    }

    /// `name`, or the first `name.N` that neither a quarantined file nor a report uses.
    public func freeName(_ name: String) -> String {
        func taken(_ candidate: String) -> Bool {
            LakeEntry.kind(layout.failed + "/" + candidate) != .missing
                || LakeEntry.kind(reportPath(of: candidate)) != .missing
        }
        guard taken(name) else { return name }
        var suffix = 1
        while taken(name + ".\(suffix)") { suffix += 1 }
        return name + ".\(suffix)"
    }

    /// Stores bytes that never were a file (an event that is not JSON) with their reason.
    public func store(_ bytes: [UInt8], name: String, reason: String, extra: [(String, String)] = []) throws {
        try LakeFile.write(bytes, to: layout.failed + "/" + name)
        try LakeFile.write(
            document(file: "failed/" + name, line: 1, column: 1, reason: reason, extra: extra),
            to: reportPath(of: name))
    }

    /// Records a loss that left no bytes to keep (offsets a broker deleted before they were
    /// read): only `<name>.error.json`, so whatever checks failed/ sees it.
    public func report(name: String, file: String, reason: String, extra: [(String, String)] = []) throws {
        try LakeFile.write(
            document(file: file, line: 1, column: 1, reason: reason, extra: extra), to: reportPath(of: name))
    }

    /// The `<name>.error.json` document.
    public func document(file: String, line: Int, column: Int, reason: String, extra: [(String, String)] = []) -> [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.member("file", file)
        json.member("line", line)
        json.member("column", column)
        json.member("reason", reason)
        json.member("service", service)
        for (key, value) in extra { json.member(key, value) }
        json.endObject()
        return json.line
    }
}
