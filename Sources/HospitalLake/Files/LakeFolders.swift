import Foundation
import HospitalCore

/// Creating folders and making renames in them durable.
public enum LakeFolders {
    /// A folder below the lake's top (`stream/<topic>`) as a service is about to write into it,
    /// checked every time, since it can be replaced while the service runs: made when missing.
    /// An entry of that name that is not a folder (a link above all, which would carry the
    /// writes out of the lake) goes to failed/ by name, never followed, and a real folder takes
    /// its place. Returns whether it had to move one.
    @discardableResult
    public static func ensureFolder(_ path: String, quarantine: Quarantine) throws -> Bool {
        let kind = LakeEntry.kind(path)
        if kind == .directory { return false }
        if kind != .missing {
            let report = quarantine.report(
                .notRegular, file: quarantine.layout.relative(path), reason: "\(kind.noun), not a folder: never followed")
            do {
                try quarantine.move(path, report)
            } catch LakeError.io(_, _, let code) where code == ENOENT {
                // Moved by another service that met it first.
            }
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw LakeError.io(path: path, operation: "mkdir", code: errno)
        }
        guard LakeEntry.kind(path) == .directory else {
            throw LakeError.badState(path: path, reason: "is \(LakeEntry.kind(path).noun), not a folder")
        }
        return kind != .missing
    }

    public static func create(_ layout: LakeLayout) throws {
        for folder in layout.folders {
            // A name taken by something else (a file, a link) is named as such.
            let kind = LakeEntry.kind(folder)
            if kind == .directory { continue }
            if kind != .missing { throw LakeError.badState(path: folder, reason: "is \(kind.noun), not a folder") }
            try makeWithParents(folder)
        }
    }

    /// `mkdir -p`, with the system's reason for the first component that fails (a parent that
    /// is a file: "Not a directory"), where Foundation's error would print only a domain and a code.
    static func makeWithParents(_ folder: String) throws {
        var path = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw LakeError.io(path: path, operation: "mkdir", code: errno)
            }
        }
        let kind = LakeEntry.kind(folder)
        guard kind == .directory else { throw LakeError.badState(path: folder, reason: "is \(kind.noun), not a folder") }
    }

    /// fsync on a folder, so the renames into it survive a power cut.
    public static func sync(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The names in a lake folder, in name order, without files still being written (`.tmp`).
    public static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasSuffix(".tmp") }.sorted()
    }
}
