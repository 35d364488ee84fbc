/// Who holds an outbox file in flight (docs/lake.md §In-flight files): the producer process,
/// named so that another producer can check whether it still runs without asking it. A
/// process is its PID namespace (the inode of `/proc/self/ns/pid`), its PID there and its
/// start time since boot (clock ticks): a PID taken again by a later process differs in its
/// start time, and a PID seen from another namespace (another container) is never compared.
/// 0 for the namespace means it could not be read, and only the claim's lease can tell.
public struct ProducerToken: Hashable, Sendable, CustomStringConvertible {
    public let namespace: UInt64
    public let pid: Int32
    public let start: UInt64

    public init(namespace: UInt64, pid: Int32, start: UInt64) {
        self.namespace = namespace
        self.pid = pid
        self.start = start
    }

    /// `<namespace>-<pid>-<start>`, decimal: the tail of an in-flight name.
    public var description: String { "\(namespace)-\(pid)-\(start)" }

    /// Reads a token back; nil unless `text` is exactly what `description` writes.
    public init?(text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let namespace = UInt64(parts[0]), let pid = Int32(parts[1]), pid > 0, let start = UInt64(parts[2])
        else { return nil }
        self.init(namespace: namespace, pid: pid, start: start)
        guard description == text else { return nil }
    }
}
