/// JSON written in the order the caller gives, numbers formatted by `ByteText`: the same
/// bytes on every machine, unlike `JSONEncoder`'s key order and float text.
public struct JSONText {
    public private(set) var text = ByteText()
    private var needsComma: [Bool] = [false]

    public init() {}

    public var bytes: [UInt8] { text.bytes }

    /// The document followed by a newline, as the lake's JSON files end.
    public var line: [UInt8] { text.bytes + [UInt8(ascii: "\n")] }

    public mutating func beginObject() { prepareValue(); text.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); text.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { prepareValue(); text.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); text.append(UInt8(ascii: "]")) }

    /// Writes `"name":`; the next value completes the member.
    public mutating func key(_ name: String) {
        separate()
        JSONText.appendString(name, into: &text)
        text.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ value: String) { prepareValue(); JSONText.appendString(value, into: &text) }
    public mutating func int(_ value: Int) { prepareValue(); text.append(value) }
    public mutating func hundredths(_ value: Int) { prepareValue(); text.appendHundredths(value) }
    public mutating func bool(_ value: Bool) { prepareValue(); text.append(value ? "true" : "false") }
    public mutating func null() { prepareValue(); text.append("null") }
    /// A value that is already JSON, written as it is.
    public mutating func raw(_ bytes: [UInt8]) { prepareValue(); text.append(bytes: bytes) }

    public mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: String, _ value: Int) { key(name); int(value) }

    private var afterKey = false

    private mutating func prepareValue() {
        if afterKey { afterKey = false } else { separate() }
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    public static func appendString(_ value: String, into text: inout ByteText) {
        var contiguous = value
        contiguous.withUTF8 { appendString(utf8: $0, into: &text) }
    }

    /// A JSON string of UTF-8 bytes, escaped where JSON requires it.
    public static func appendString(utf8 value: UnsafeBufferPointer<UInt8>, into text: inout ByteText) {
        text.write(atMost: 6 * value.count + 2) { $0.writeJSONString(utf8: value) }
    }

    /// A JSON array of strings, e.g. `["Asthma","Burns"]`, for CSV cells holding lists.
    public static func stringArray(_ values: [String]) -> [UInt8] {
        var json = JSONText()
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
        return json.bytes
    }
}
