/// Horizontal bars, one group per category and one bar per series, each labelled with its
/// value at its end; categories keep the order given.
struct BarChart {
    struct Series {
        let name: String
        let color: String
    }

    let categories: [String]
    let series: [Series]
    /// `values[category][series]`.
    let values: [[Double]]
    let format: ValueFormat
    let axisTitle: String
    var width = 960.0
    /// Room for the category names: by default as wide as the longest needs at 11 px.
    var labelWidth: Double?

    func svg(label: String) -> String {
        let bar = series.count > 1 ? 12.0 : 16.0
        let group = bar * Double(series.count) + 10
        let top = 8.0
        let bottom = top + group * Double(categories.count)
        var canvas = SVGCanvas(width: width, height: bottom + 40)
        let longest = categories.map(\.count).max() ?? 0
        let left = labelWidth ?? min(width / 2, max(90, Double(longest) * 6.4 + 16)), right = width - 70
        let scale = ValueScale(maximum: values.flatMap { $0 }.max() ?? 0, format: format)
        let x = { (value: Double) in left + value / scale.maximum * (right - left) }
        for tick in scale.ticks {
            canvas.line(x(tick), top, x(tick), bottom, stroke: Palette.grid)
            canvas.text(x(tick), bottom + 14, format.text(tick), anchor: .middle, size: 10)
        }
        for (row, category) in categories.enumerated() {
            let y0 = top + Double(row) * group + 5
            canvas.text(left - 8, y0 + Double(series.count) * bar / 2 + 4, category, anchor: .end, size: 11)
            for (index, line) in series.enumerated() {
                let value = values[row][index]
                let y = y0 + Double(index) * bar
                canvas.rect(x: left, y: y, width: x(value) - left, height: bar - 2, fill: line.color)
                canvas.text(x(value) + 4, y + bar - 4, format.label(value), size: 10)
            }
        }
        canvas.line(left, top, left, bottom, stroke: Palette.axis)
        canvas.line(left, bottom, right, bottom, stroke: Palette.axis)
        canvas.text((left + right) / 2, bottom + 32, axisTitle, anchor: .middle, size: 11)
        return canvas.svg(label: label)
    }
}
