import Foundation
import HospitalCore

/// The part of `failed/` the ingestor comes back to: files held only because a file they
/// reference was quarantined, and the events it set aside from landed chunks.
extension Inbox {
    /// A quarantined file and the report beside it.
    public struct Held: Sendable {
        public let name: String
        public let report: QuarantineReport
    }

    /// Every quarantined file whose report reads back, by name.
    public func quarantined() -> [Held] {
        LakeFolders.names(in: layout.failed).sorted().compactMap { name in
            guard case .errorReport(let quarantinedName) = LakeFileName(name: name),
                let bytes = try? LakeEntry.read(layout.failed + "/" + name), let report = QuarantineReport(json: bytes)
            else { return nil }
            return Held(name: quarantinedName, report: report)
        }
    }

    /// Puts a held file back in batch/ under its original name, and drops its report; false
    /// when a file of that name waits there already or the move fails.
    public func release(_ held: Held, as original: String) -> Bool {
        guard LakeEntry.kind(layout.batch + "/" + original) == .missing,
            rename(layout.failed + "/" + held.name, layout.batch + "/" + original) == 0
        else { return false }
        unlink(quarantine.reportPath(of: held.name))
        LakeFolders.sync(layout.batch)
        LakeFolders.sync(layout.failed)
        return true
    }

    func setAsidePath(_ chunk: StreamChunkName) -> String { layout.failed + "/" + LakeFileName.setAside(chunk).name }

    public func hasSetAside(_ chunk: StreamChunkName) -> Bool { LakeEntry.kind(setAsidePath(chunk)) != .missing }

    /// Writes a chunk's set-aside file (one line per event) and then its report.
    public func writeSetAside(_ lines: [UInt8], events: Int, report: [UInt8], chunk: StreamChunkName) throws {
        try LakeFile.write(lines, rows: events, to: setAsidePath(chunk))
        try LakeFile.write(report, to: quarantine.reportPath(of: LakeFileName.setAside(chunk).name))
    }

    /// Removes a chunk's set-aside file and its report: every event of it is loaded.
    public func removeSetAside(_ chunk: StreamChunkName) {
        unlink(setAsidePath(chunk))
        unlink(quarantine.reportPath(of: LakeFileName.setAside(chunk).name))
    }

    /// The chunks that have a set-aside file, by name.
    public func setAsideChunks() -> [StreamChunkName] {
        LakeFolders.names(in: layout.failed).compactMap { name in
            guard case .setAside(let chunk) = LakeFileName(name: name) else { return nil }
            return chunk
        }
    }

    /// A chunk's set-aside file, when it is a regular file that reads.
    public func setAside(_ chunk: StreamChunkName) -> [UInt8]? {
        guard LakeEntry.kind(setAsidePath(chunk)) == .regular else { return nil }
        return try? LakeEntry.read(setAsidePath(chunk))
    }
}
