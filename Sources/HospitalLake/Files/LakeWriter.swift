import HospitalCore

/// Writes the outputs of one step and then its flag; a step whose flag exists is skipped,
/// so a restarted run never writes a file twice.
public struct LakeWriter: Sendable {
    public let layout: LakeLayout

    public init(layout: LakeLayout) { self.layout = layout }

    public func isDone(_ flag: LakeFlag) -> Bool { LakeFolders.exists(layout.path(flag.path)) }

    /// Runs `produce` unless `flag` exists, then records its outputs in the flag. Returns
    /// whether the step ran.
    @discardableResult
    public func step(
        _ flag: LakeFlag, produce: () throws -> [FileDigest]
    ) throws -> Bool {
        guard !isDone(flag) else { return false }
        let outputs = try produce()
        for folder in Set(outputs.map { parent($0.path) }).sorted() { LakeFolders.sync(folder) }
        let manifest = FlagManifest(step: flag.step, date: flag.date, session: flag.session, outputs: outputs)
        try LakeFile.write(manifest.json(layout: layout), to: layout.path(flag.path))
        LakeFolders.sync(parent(layout.path(flag.path)))
        return true
    }

    /// Writes a file rendered and hashed beforehand into `batch/`.
    public func write(_ file: RenderedFile) throws -> FileDigest {
        let lakeFile = try LakeFile(path: layout.batch + "/" + file.name.name, hashing: false)
        try lakeFile.write(file.bytes, rows: file.rows)
        let written = try lakeFile.commit()
        return FileDigest(path: written.path, rows: written.rows, bytes: written.bytes, sha256: file.sha256)
    }

    private func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
