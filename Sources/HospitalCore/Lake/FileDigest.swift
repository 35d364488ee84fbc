/// What is known of a written file: the flag manifests list these.
public struct FileDigest: Sendable, Equatable {
    public let path: String
    public let rows: Int
    public let bytes: Int
    public let sha256: String
}
