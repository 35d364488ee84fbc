/// Identifies one `send` so its delivery report can be matched to it.
///
/// Tokens are issued in increasing order per producer and travel through
/// librdkafka as the per-message opaque, so the caller can keep its own
/// token → record map (e.g. to re-queue a failed HL7 message) without the
/// library holding on to payloads.
public struct MessageToken: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: MessageToken, rhs: MessageToken) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { "#\(rawValue)" }

    /// The value stored in `rd_kafka_message_t._private`. Tokens start at 1
    /// so the pointer is never null.
    var opaque: UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: UInt(rawValue))
    }

    init(opaque: UnsafeMutableRawPointer?) {
        self.rawValue = UInt64(UInt(bitPattern: opaque))
    }
}
