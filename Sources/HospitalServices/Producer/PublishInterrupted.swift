/// Stopped while a file had unacknowledged events: it stays in batch/ and is published again.
public struct PublishInterrupted: Error, CustomStringConvertible {
    public let file: String
    public var description: String { "stopped before every event of \(file) was acknowledged" }
}
