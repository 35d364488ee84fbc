import Foundation
import HospitalCore

/// One writer per lake: the scheduler (and `hospital simulate`, which writes the same lake)
/// holds an exclusive `flock` on `.health/scheduler.lock` while it runs. A second one on
/// the same lake would race the first over the same names; it is refused at start instead.
/// The kernel drops the lock when the process ends, however it ends, so a crash never
/// leaves a lake locked.
public final class LakeLock {
    private let descriptor: Int32

    /// Takes the lock without waiting; `LakeError.locked` when another process holds it. The
    /// file is opened with `O_NOFOLLOW`: a link in its place is refused, never followed.
    public init(_ layout: LakeLayout) throws {
        let path = layout.schedulerLock
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw LakeError.badState(path: path, reason: "is a symbolic link, never followed") }
            throw LakeError.io(path: path, operation: "open", code: errno)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw LakeError.badState(path: path, reason: "is not a regular file")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw LakeError.locked(path: path) }
            throw LakeError.io(path: path, operation: "flock", code: code)
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
