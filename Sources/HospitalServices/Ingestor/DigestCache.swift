import Crypto
import HospitalCore

/// SHA-256 of a file, remembered by path, size and modification time: landed chunks stay
/// in place and are looked at on every pass, and hashing them each time would cost more than
/// the pass itself.
struct DigestCache {
    private var known: [String: (size: Int, modified: Int, sha256: String)] = [:]

    mutating func sha256(of path: String, bytes: [UInt8], modified: Int) -> String {
        if let entry = known[path], entry.size == bytes.count, entry.modified == modified { return entry.sha256 }
        let sha256 = SHA256.hash(data: bytes).hexString
        known[path] = (bytes.count, modified, sha256)
        return sha256
    }
}
