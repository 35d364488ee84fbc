/// Numbers as people read them, formatted by our own arithmetic: no locale, no
/// `String(format:)`, so a report is the same bytes on every machine.
public enum NumberText {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output += "," }
            output.append(digit)
        }
        return value < 0 ? "-" + output : output
    }

    /// `value` rounded half away from zero to `digits` decimals, the whole part grouped.
    public static func fixed(_ value: Double, digits: Int) -> String {
        let scale = (0..<digits).reduce(1) { result, _ in result * 10 }
        let scaled = Int((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let magnitude = abs(scaled)
        let sign = scaled < 0 ? "-" : ""
        guard digits > 0 else { return sign + grouped(magnitude) }
        let fraction = String(magnitude % scale)
        return sign + grouped(magnitude / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// `part` of `whole` as a percentage with `digits` decimals: `85.3 %`; `–` when whole is 0.
    public static func percent(_ part: Int, of whole: Int, digits: Int = 1) -> String {
        guard whole != 0 else { return "–" }
        return percent(Double(part) / Double(whole), digits: digits)
    }

    /// A share (0.853) as a percentage: `85.3 %`.
    public static func percent(_ share: Double, digits: Int = 1) -> String { fixed(share * 100, digits: digits) + " %" }

    /// An SVG coordinate: one decimal, no grouping, `-0.0` written `0`.
    public static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
