/// Text from outside (a field of a bad file, a file name) made safe to put in a reason or a
/// log line: control bytes, quotes and backslashes are escaped, so it can neither split a
/// line nor pass for the message around it (nor hide in it, as a byte-order mark would), and it
/// is cut to a bounded length.
public enum EscapedText {
    /// `text` escaped, at most `limit` characters of it, marked with `…` when cut.
    public static func of<S: StringProtocol>(_ text: S, limit: Int = 80) -> String {
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                output += "…"
                break
            }
            count += 1
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\\": output += "\\\\"
            case "'": output += "\\'"
            case "\"": output += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar.value == 0xFEFF {
                    output += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
