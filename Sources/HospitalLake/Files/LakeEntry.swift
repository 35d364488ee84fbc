import Foundation
import HospitalCore

/// What a name in a lake folder is, asked of the name itself (`lstat`), and reading it
/// without following a link: a link placed in the lake could otherwise make a service read,
/// load or echo a file outside it, and a FIFO would block the reader for good.
public enum LakeEntry {
    public enum Kind: Sendable, Equatable {
        case regular
        case symbolicLink
        case directory
        case fifo
        case other
        case missing

        /// What a quarantine reason calls an entry that is not a regular file.
        public var noun: String {
            switch self {
            case .regular: return "a regular file"
            case .symbolicLink: return "a symbolic link"
            case .directory: return "a directory"
            case .fifo: return "a FIFO"
            case .other: return "a device or socket"
            case .missing: return "missing"
            }
        }
    }

    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFLNK: return .symbolicLink
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        default: return .other
        }
    }

    /// The whole content of a regular file, opened with `O_NOFOLLOW | O_NONBLOCK` and checked
    /// to be regular after opening, so an entry swapped for a link or a FIFO after `kind`
    /// looked at it is refused, never read.
    public static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw LakeError.io(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw LakeError.io(path: path, operation: "fstat", code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw LakeError.io(path: path, operation: "open", code: EINVAL) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw LakeError.io(path: path, operation: "read", code: errno) }
            if count == 0 { break }
            offset += count
        }
        return offset == bytes.count ? bytes : Array(bytes.prefix(offset))
    }

    /// Whether a regular file begins with `prefix` (opened without following a link); false
    /// when it is missing, not regular, or shorter.
    public static func starts(_ path: String, with prefix: [UInt8]) -> Bool {
        guard kind(path) == .regular else { return false }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: prefix.count)
        let read = head.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
        return read == prefix.count && head == prefix
    }
}
