import Crypto

/// Lower-case hex, the form flags, manifests and the ingest ledger record a SHA-256 in.
extension Digest {
    public var hexString: String {
        var text = ByteText(capacity: 64)
        for byte in self { text.appendHex(UInt64(byte), digits: 2) }
        return text.string
    }
}
