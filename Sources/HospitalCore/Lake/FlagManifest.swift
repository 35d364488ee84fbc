import Foundation

/// A flag's content: which step it covers and every output with rows and SHA-256, never a
/// wall-clock time, so flags are part of the deterministic lake.
public struct FlagManifest: Sendable, Equatable {
    public let step: String
    public let date: SimDate?
    public let session: Int?
    public let outputs: [FileDigest]

    public init(step: String, date: SimDate? = nil, session: Int? = nil, outputs: [FileDigest]) {
        self.step = step
        self.date = date
        self.session = session
        self.outputs = outputs
    }

    public func json(layout: LakeLayout) -> [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.member("step", step)
        if let date { json.member("date", date.description) }
        if let session { json.member("session", session) }
        json.key("outputs")
        json.beginArray()
        for output in outputs {
            json.beginObject()
            json.member("file", layout.relative(output.path))
            json.member("rows", output.rows)
            json.member("bytes", output.bytes)
            json.member("sha256", output.sha256)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.line
    }
}

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
