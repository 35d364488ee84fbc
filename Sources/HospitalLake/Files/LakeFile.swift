import Crypto
import Foundation
import HospitalCore

/// A file being written into the lake: bytes go to a temporary name in the target folder,
/// hashed and counted on the way; `commit()` fsyncs and renames, so a reader sees the whole
/// file or nothing.
public final class LakeFile {
    public let path: String
    private let temporary: String
    private let descriptor: Int32
    /// nil for files no flag lists (stream chunks), which need no digest.
    private var hasher: SHA256?
    public private(set) var bytes = 0
    public private(set) var rows = 0
    /// Bytes whose writeback `startWriteback()` has already asked for.
    private var writebackStarted = 0
    private var done = false

    public init(path: String, hashing: Bool = true) throws {
        self.path = path
        hasher = hashing ? SHA256() : nil
        temporary = path + ".tmp"
        descriptor = open(temporary, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LakeError.io(path: temporary, operation: "open", code: errno) }
    }

    deinit {
        if !done {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends bytes; `rows` counts data rows (callers say how many the chunk holds).
    public func write(_ chunk: [UInt8], rows added: Int = 0) throws {
        hasher?.update(data: chunk)
        try chunk.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw LakeError.io(path: temporary, operation: "write", code: errno)
                }
                offset += written
            }
        }
        bytes += chunk.count
        rows += added
    }

    /// Starts writing the bytes appended since the last call to disk, without waiting for
    /// them: on Linux, POSIX_FADV_DONTNEED starts writeback of a dirty range at once. A file
    /// filled over seconds is then mostly on disk by its `commit()`, whose fsync waits only
    /// for the rest. (Its pages are left to the kernel: the lake's readers come much later.)
    public func startWriteback() {
        guard bytes > writebackStarted else { return }
        _ = posix_fadvise(descriptor, off_t(writebackStarted), off_t(bytes - writebackStarted), POSIX_FADV_DONTNEED)
        writebackStarted = bytes
    }

    /// Makes the file durable under its final name and returns what a flag records of it.
    @discardableResult
    public func commit() throws -> FileDigest { try commit(to: path) }

    /// Makes the file durable under another name (a stream chunk that must not replace the
    /// file already at its own name is kept in failed/ instead).
    @discardableResult
    public func commit(to target: String) throws -> FileDigest {
        guard fsync(descriptor) == 0 else { throw LakeError.io(path: temporary, operation: "fsync", code: errno) }
        close(descriptor)
        done = true
        guard rename(temporary, target) == 0 else { throw LakeError.io(path: target, operation: "rename", code: errno) }
        return FileDigest(path: target, rows: rows, bytes: bytes, sha256: hasher?.finalize().hexString ?? "")
    }

    /// Writes a whole small file at once.
    @discardableResult
    public static func write(_ content: [UInt8], rows: Int = 0, to path: String) throws -> FileDigest {
        let file = try LakeFile(path: path)
        try file.write(content, rows: rows)
        return try file.commit()
    }
}
