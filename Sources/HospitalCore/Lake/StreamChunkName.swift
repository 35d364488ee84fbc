/// A landed chunk's identity, `<topic>+<partition>+<first offset>` (the Confluent sink's
/// scheme, the offset zero-padded to 19 digits): a partition's chunks sort by the offset of
/// their first event, and a re-delivered chunk is written under the same name.
public struct StreamChunkName: Hashable, Sendable {
    public let topic: String
    public let partition: Int32
    public let firstOffset: Int64

    public init(topic: String, partition: Int32, firstOffset: Int64) {
        self.topic = topic
        self.partition = partition
        self.firstOffset = firstOffset
    }

    public var stem: String {
        var text = ByteText()
        text.append("\(topic)+\(partition)+")
        text.append(UInt64(firstOffset), width: 19)
        return text.string
    }

    /// Kafka's own rule for topic names: ASCII letters, digits, `.`, `_` and `-`.
    static func isTopicName(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 249
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    init?(stem: String) {
        let parts = stem.split(separator: "+", omittingEmptySubsequences: false)
        guard parts.count == 3, Self.isTopicName(parts[0]), let partition = Int32(parts[1]), partition >= 0,
            parts[2].count == 19, let offset = Int64(parts[2]), offset >= 0
        else { return nil }
        self.init(topic: String(parts[0]), partition: partition, firstOffset: offset)
        guard self.stem == stem else { return nil }
    }
}
