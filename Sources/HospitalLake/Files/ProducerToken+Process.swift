import Foundation
import HospitalCore

/// A producer token read from `/proc` and checked against it: the only way one producer
/// learns whether another still runs, with no coordinator of our own. Nothing here is in
/// the lake, so `/proc`'s own links (`ns/pid`) are read as links on purpose.
extension ProducerToken {
    /// This process. Without `/proc` the namespace is 0, and claims can only expire.
    public static let current: ProducerToken = {
        let pid = getpid()
        return ProducerToken(namespace: ownNamespace() ?? 0, pid: pid, start: startTime(of: pid) ?? 0)
    }()

    /// Whether the process runs, asked of `/proc`: only meaningful for a token of this
    /// process's PID namespace (a PID of another container means nothing here).
    public var isRunning: Bool { Self.startTime(of: pid) == start }

    /// `pid:[4026531836]` → 4026531836.
    static func ownNamespace() -> UInt64? {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/self/ns/pid", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard text.hasPrefix("pid:["), text.hasSuffix("]") else { return nil }
        return UInt64(text.dropFirst(5).dropLast())
    }

    /// Field 22 of `/proc/<pid>/stat`, the process's start in clock ticks after boot; nil when
    /// no such process runs. The command name (field 2) may hold spaces and parentheses, so
    /// fields are counted after its closing parenthesis.
    static func startTime(of pid: Int32) -> UInt64? {
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        guard count > 0, let nameEnd = bytes[..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(nameEnd + 1)..<count].split(separator: UInt8(ascii: " "))
        // fields[0] is field 3 (the state), so field 22 is fields[19].
        guard fields.count > 19 else { return nil }
        return UInt64(String(decoding: fields[19], as: UTF8.self))
    }
}
