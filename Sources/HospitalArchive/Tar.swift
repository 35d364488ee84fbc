/// A plain ustar archive: regular files only, mode 0644, owner 0, mtime 0, entries in the
/// order given, so the same files always give the same bytes.
public enum Tar {
    public struct Entry: Equatable, Sendable {
        public let path: String
        public let content: [UInt8]

        public init(path: String, content: [UInt8]) {
            self.path = path
            self.content = content
        }
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "tar archive malformed at byte \(offset): \(reason)" }
    }

    public static func archive(_ entries: [Entry]) -> [UInt8] {
        var output: [UInt8] = []
        for entry in entries {
            output += header(path: entry.path, size: entry.content.count)
            output += entry.content
            output += [UInt8](repeating: 0, count: (512 - entry.content.count % 512) % 512)
        }
        output += [UInt8](repeating: 0, count: 1024)
        return output
    }

    public static func entries(_ archive: [UInt8]) throws -> [Entry] {
        var entries: [Entry] = []
        var offset = 0
        while offset + 512 <= archive.count {
            let block = Array(archive[offset..<offset + 512])
            if block.allSatisfy({ $0 == 0 }) { return entries }
            guard checksum(block) == octal(block[148..<156]) else { throw Malformed(offset: offset, reason: "bad checksum") }
            guard let size = octal(block[124..<136]) else { throw Malformed(offset: offset, reason: "bad size") }
            let name = text(block[0..<100])
            let prefix = text(block[345..<500])
            let start = offset + 512
            guard start + size <= archive.count else { throw Malformed(offset: offset, reason: "truncated content") }
            entries.append(Entry(path: prefix.isEmpty ? name : prefix + "/" + name, content: Array(archive[start..<start + size])))
            offset = start + (size + 511) / 512 * 512
        }
        throw Malformed(offset: offset, reason: "missing end-of-archive blocks")
    }

    private static func header(path: String, size: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        var name = Array(path.utf8)
        var prefix: [UInt8] = []
        if name.count > 100, let slash = name.prefix(155).lastIndex(of: UInt8(ascii: "/")) {
            prefix = Array(name[..<slash])
            name = Array(name[(slash + 1)...])
        }
        precondition(name.count <= 100, "tar path too long: \(path)")
        put(name, at: 0, in: &block)
        put(Array("0000644\0".utf8), at: 100, in: &block)
        put(Array("0000000\0".utf8), at: 108, in: &block)
        put(Array("0000000\0".utf8), at: 116, in: &block)
        put(octalField(size, width: 12), at: 124, in: &block)
        put(octalField(0, width: 12), at: 136, in: &block)
        put(Array("        ".utf8), at: 148, in: &block)
        block[156] = UInt8(ascii: "0")
        put(Array("ustar\0".utf8), at: 257, in: &block)
        put(Array("00".utf8), at: 263, in: &block)
        put(prefix, at: 345, in: &block)
        put(octalField(checksum(block), width: 8).dropLast() + [0x20], at: 148, in: &block)
        return block
    }

    private static func checksum(_ block: [UInt8]) -> Int {
        var sum = 0
        for (index, byte) in block.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        return sum
    }

    /// `width - 1` octal digits and a NUL.
    private static func octalField(_ value: Int, width: Int) -> [UInt8] {
        let digits = String(value, radix: 8)
        return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8) + [0]
    }

    private static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = field.prefix { $0 != 0 && $0 != 0x20 }.drop { $0 == 0x20 }
        return Int(String(decoding: digits, as: UTF8.self), radix: 8)
    }

    private static func text(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func put(_ bytes: [UInt8], at offset: Int, in block: inout [UInt8]) {
        for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
    }
}
