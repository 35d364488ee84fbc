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

    /// A report of `problem` for `file` (lake-relative), signed by this service; the caller
    /// adds what the problem has to say and hands it to `move`, `store` or `record`.
    public func report(
        _ problem: InputProblem, file: String, line: Int = 1, column: Int = 1, reason: String
    ) -> QuarantineReport {
        QuarantineReport(file: file, line: line, column: column, reason: reason, service: service, problem: problem)
    }

    /// The error document first, then the move: a file in failed/ always has its reason. The
    /// entry moves by name whatever it is (a link stays a link, never followed); a name
    /// quarantined before keeps its file, and the newcomer gets `<name>.1`, `<name>.2`, …
    /// Returns the name it has in failed/. A file held under another name (a producer's
    /// in-flight claim) goes in under `name`, the one its report speaks of.
    @discardableResult
    public func move(_ path: String, as name: String? = nil, _ report: QuarantineReport) throws -> String {
        let name = freeName(name ?? (path as NSString).lastPathComponent)
        try LakeFile.write(report.json, to: reportPath(of: name))
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
            LakeEntry.kind(layout.failed + "/" + candidate) != .missing || LakeEntry.kind(reportPath(of: candidate)) != .missing
        }
        guard taken(name) else { return name }
        var suffix = 1
        while taken(name + ".\(suffix)") { suffix += 1 }
        return name + ".\(suffix)"
    }

    /// Stores bytes that never were a file (an event that is not JSON) with their reason.
    public func store(_ bytes: [UInt8], name: String, _ report: QuarantineReport) throws {
        try LakeFile.write(bytes, to: layout.failed + "/" + name)
        try record(name: name, report)
    }

    /// Records a loss that left no bytes to keep (offsets a broker deleted before they were
    /// read, a file deleted before it was loaded): only `<name>.error.json`, so whatever
    /// checks failed/ sees it.
    public func record(name: String, _ report: QuarantineReport) throws {
        try LakeFile.write(report.json, to: reportPath(of: name))
    }
}
