/// An SVG drawing built as text, every coordinate written by `NumberText.coordinate`, so
/// the same figures always give the same bytes.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private static func c(_ value: Double) -> String { NumberText.coordinate(value) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        body += "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" width=\"\(Self.c(max(0, width)))\" height=\"\(Self.c(max(0, height)))\""
        body += " fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) {
        body += "<line x1=\"\(Self.c(x1))\" y1=\"\(Self.c(y1))\" x2=\"\(Self.c(x2))\" y2=\"\(Self.c(y2))\""
        body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.c(width))\"/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.2, opacity: Double = 1) {
        let path = points.map { Self.c($0.0) + "," + Self.c($0.1) }.joined(separator: " ")
        body += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.c(width))\""
        body += " stroke-linejoin=\"round\"" + (opacity < 1 ? " stroke-opacity=\"\(Self.c(opacity))\"" : "") + "/>"
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(
        _ x: Double, _ y: Double, _ content: String, anchor: Anchor = .start, size: Double = 11, fill: String = "#333",
        rotate: Bool = false, bold: Bool = false
    ) {
        body += "<text x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" font-size=\"\(Self.c(size))\" fill=\"\(fill)\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { body += " font-weight=\"bold\"" }
        if rotate { body += " transform=\"rotate(-90 \(Self.c(x)) \(Self.c(y)))\"" }
        body += ">" + HTMLText.escape(content) + "</text>"
    }

    /// The finished drawing; `label` is what a screen reader says for it.
    func svg(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.c(width)) \(Self.c(height))\" role=\"img\""
            + " aria-label=\"\(HTMLText.escape(label))\">" + body + "</svg>"
    }
}
