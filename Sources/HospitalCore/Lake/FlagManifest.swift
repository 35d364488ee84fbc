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
