import Foundation
import HospitalCore

/// One producer's hold on outbox files (docs/lake.md §In-flight files). A producer claims a
/// file of `batch/` by renaming it to its in-flight name, which carries the producer's token;
/// the rename is the lock: of two producers that try, one finds the name gone and moves on.
/// A claim whose holder is gone is claimed the same way by the next producer that lists it,
/// so a crash between publishing a file and moving it publishes the file again (the stream
/// processor lands each `event_id` once). A holder is gone when its PID is seen ended in this
/// PID namespace, or, from another namespace, when its claim was not refreshed for `lease`
/// (the claim's modification time: set when it is taken, renewed every quarter lease).
public struct OutboxClaims: Sendable {
    /// An outbox file as it waits in `batch/`: under its own name or a claim's.
    public struct Waiting: Sendable {
        public let file: OutboxFile
        public let entry: String
    }

    public let layout: LakeLayout
    public let owner: ProducerToken
    /// Seconds a claim of a holder in another PID namespace lives without a refresh.
    public let lease: Double

    public init(layout: LakeLayout, owner: ProducerToken = .current, lease: Double = 60) {
        self.layout = layout
        self.owner = owner
        self.lease = lease
    }

    /// Outbox files this producer may take now, in name order (dates sort as text): those
    /// under their own name, this producer's claims, and claims whose holder is gone.
    public func waiting() -> [Waiting] {
        var found: [Waiting] = []
        for name in LakeFolders.names(in: layout.batch) {
            switch LakeFileName(name: name) {
            case .transport, .transfers, .dailySummary:
                found.append(Waiting(file: OutboxFile(name: name)!, entry: name))
            case .inFlight(let outbox, let holder):
                if holder == owner || isGone(holder, path: layout.batch + "/" + name) {
                    found.append(Waiting(file: OutboxFile(name: outbox)!, entry: name))
                }
            default: continue
            }
        }
        return found.sorted { ($0.file.name, $0.entry) < ($1.file.name, $1.entry) }
    }

    /// Where this producer holds `file`.
    public func path(of file: OutboxFile) -> String {
        layout.batch + "/" + LakeFileName.inFlight(of: file.name, owner: owner).name
    }

    /// Takes the file for this producer; false when another producer took it first, or when
    /// it is not a regular file (a link or a FIFO is left for the ingestor's stranger sweep).
    public func claim(_ waiting: Waiting) -> Bool {
        let mine = path(of: waiting.file)
        let source = layout.batch + "/" + waiting.entry
        guard LakeEntry.kind(source) == .regular else { return false }
        if source != mine {
            guard rename(source, mine) == 0 else { return false }
        }
        // A rename keeps the file's times: the lease starts now.
        return touch(mine)
    }

    /// Gives a claimed file back under its own name (it waits for its flag, or this producer
    /// stops before publishing it), so any producer takes it at once.
    public func release(_ file: OutboxFile) {
        _ = rename(path(of: file), layout.batch + "/" + file.name)
    }

    /// Gives back every claim of this producer.
    public func releaseAll() {
        for name in LakeFolders.names(in: layout.batch) {
            guard case .inFlight(let outbox, let holder) = LakeFileName(name: name), holder == owner else { continue }
            _ = rename(layout.batch + "/" + name, layout.batch + "/" + outbox)
        }
    }

    /// Renews the lease of every claim of this producer; called well within `lease`.
    public func refresh() {
        for name in LakeFolders.names(in: layout.batch) {
            guard case .inFlight(_, let holder) = LakeFileName(name: name), holder == owner else { continue }
            _ = touch(layout.batch + "/" + name)
        }
    }

    /// Moves published files from their claims to `processed/` under their own names, with
    /// one pair of folder syncs. Returns the files whose claim was gone: taken over by
    /// another producer that thought this one gone (it publishes them again, and moves them).
    public func finish(_ files: [OutboxFile]) throws -> [OutboxFile] {
        var lost: [OutboxFile] = []
        for file in files where rename(path(of: file), layout.processed + "/" + file.name) != 0 {
            guard errno == ENOENT else {
                throw LakeError.io(path: path(of: file), operation: "rename to processed/", code: errno)
            }
            lost.append(file)
        }
        LakeFolders.sync(layout.processed)
        LakeFolders.sync(layout.batch)
        return lost
    }

    /// Whether a claim's holder can be taken to be gone: in this PID namespace, when its
    /// process no longer runs; from elsewhere, when its claim's modification time (set by
    /// each refresh) is older than the lease.
    func isGone(_ holder: ProducerToken, path: String) -> Bool {
        if holder.namespace != 0, holder.namespace == owner.namespace { return !holder.isRunning }
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec - info.st_mtim.tv_sec) > lease
    }

    /// Sets the claim's times to now, never through a link; false when it is gone.
    private func touch(_ path: String) -> Bool {
        utimensat(AT_FDCWD, path, nil, AT_SYMLINK_NOFOLLOW) == 0
    }
}
