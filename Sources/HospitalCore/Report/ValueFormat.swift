/// How a chart writes its values: whole counts grouped, days with decimals, or shares as
/// percentages (a share of 0.85 is `85 %`).
public enum ValueFormat: Sendable {
    case count
    case decimal(digits: Int)
    case percent

    func text(_ value: Double) -> String {
        switch self {
        case .count: return NumberText.grouped(Int(value.rounded(.toNearestOrAwayFromZero)))
        case .decimal(let digits): return NumberText.fixed(value, digits: digits)
        case .percent: return NumberText.percent(value, digits: 0)
        }
    }

    /// A label inside a chart, with one more decimal for a share than its axis has.
    func label(_ value: Double) -> String {
        if case .percent = self { return NumberText.percent(value, digits: 1) }
        return text(value)
    }
}
