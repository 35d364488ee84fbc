/// The report's colours: Okabe and Ito's palette, told apart by readers with any of the
/// common colour-vision deficiencies.
enum Palette {
    static let blue = "#0072B2"
    static let orange = "#E69F00"
    static let vermillion = "#D55E00"
    static let green = "#009E73"
    static let sky = "#56B4E9"
    static let purple = "#CC79A7"
    static let gray = "#5f5f5f"
    static let grid = "#e3e3e3"
    static let axis = "#666"
    static let shade = "#faefd9"

    /// A cell colour between white (0) and `#0072B2`-ish blue (1), by our own arithmetic.
    static func ramp(_ share: Double) -> String {
        let t = min(1, max(0, share))
        let from = (247.0, 251.0, 255.0)
        let to = (8.0, 69.0, 148.0)
        let channel = { (a: Double, b: Double) in Int((a + (b - a) * t).rounded()) }
        return "#" + [channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2)].map(hex).joined()
    }

    private static func hex(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[value / 16], digits[value % 16]])
    }
}
