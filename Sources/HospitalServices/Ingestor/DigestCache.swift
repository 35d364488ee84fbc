import Crypto
import HospitalCore
import HospitalLake

/// SHA-256 of a file, remembered by path, size and modification time: landed chunks stay
/// in place and are looked at on every pass, and reading and hashing them each time would
/// cost more than the pass itself.
struct DigestCache {
    private var known: [String: (stamp: FileStamp, sha256: String)] = [:]

    /// The digest of `path` as it was when it last had `stamp`; nil when never seen so.
    func sha256(of path: String, stamp: FileStamp) -> String? {
        guard let entry = known[path], entry.stamp == stamp else { return nil }
        return entry.sha256
    }

    /// The digest of `bytes`, read from `path` after it was found with `stamp` (remembered
    /// only when the bytes are as long as the stamp says).
    mutating func sha256(of path: String, bytes: [UInt8], stamp: FileStamp?) -> String {
        if let stamp, let sha256 = sha256(of: path, stamp: stamp), stamp.size == bytes.count { return sha256 }
        let sha256 = SHA256.hash(data: bytes).hexString
        if let stamp, stamp.size == bytes.count { known[path] = (stamp, sha256) }
        return sha256
    }

    /// Whether the file at `path` is one of `loaded` (digests); read and hashed only when its
    /// stamp changed since it was last hashed.
    mutating func isOne(of loaded: Set<String>, path: String, inbox: Inbox) -> Bool {
        guard !loaded.isEmpty else { return false }
        let stamp = inbox.stamp(path)
        if let stamp, let known = sha256(of: path, stamp: stamp) { return loaded.contains(known) }
        guard let bytes = inbox.read(path) else { return false }
        return loaded.contains(sha256(of: path, bytes: bytes, stamp: stamp))
    }
}
