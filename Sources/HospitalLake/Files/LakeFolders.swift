import Foundation
import HospitalCore

/// Creating folders and making renames in them durable.
public enum LakeFolders {
    public static func create(_ layout: LakeLayout) throws {
        for folder in layout.folders {
            // A name taken by something else (a file, a link) is named as such: FileManager's
            // error leaves errno unset.
            let kind = LakeEntry.kind(folder)
            if kind == .directory { continue }
            if kind != .missing { throw LakeError.badState(path: folder, reason: "is \(kind.noun), not a folder") }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw LakeError.badState(path: folder, reason: "cannot be created (\(error.localizedDescription))")
            }
        }
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
