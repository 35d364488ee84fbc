/// What is known of a written file: the flag manifests list these.
public struct FileDigest: Sendable, Equatable {
    public let path: String
    public let rows: Int
    public let bytes: Int
    public let sha256: String

    public init(path: String, rows: Int, bytes: Int, sha256: String) {
        self.path = path
        self.rows = rows
        self.bytes = bytes
        self.sha256 = sha256
    }
}
