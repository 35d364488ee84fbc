/// Text from the warehouse (unit names such as "Obstetrics & Gynecology") made safe inside
/// HTML and SVG, in element content and in quoted attributes alike.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
