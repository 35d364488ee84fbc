/// Lines over the calendar, one value per day, with a shaded period (the reduced intake)
/// behind them, value gridlines and dated ticks.
struct DailyChart {
    struct Series {
        let name: String
        let color: String
        let values: [Double]
    }

    let start: SimDate
    let series: [Series]
    let format: ValueFormat
    let axisTitle: String
    let shaded: Range<SimDate>?
    let shadedLabel: String
    var width = 960.0
    var height = 260.0
    /// The smallest top of the value axis (1 for occupancy, so 100 % always shows).
    var floor = 0.0

    var days: Int { series.map(\.values.count).max() ?? 0 }

    func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let left = 62.0, right = width - 12, top = 14.0, bottom = height - 40
        let scale = ValueScale(maximum: max(floor, series.flatMap(\.values).max() ?? 0), format: format)
        let count = max(1, days)
        let x = { (index: Double) in left + index / Double(count) * (right - left) }
        let y = { (value: Double) in bottom - value / scale.maximum * (bottom - top) }
        if let shaded {
            let from = Double(min(max(0, shaded.lowerBound.dayNumber - start.dayNumber), count))
            let until = Double(min(max(0, shaded.upperBound.dayNumber - start.dayNumber), count))
            if until > from {
                canvas.rect(x: x(from), y: top, width: x(until) - x(from), height: bottom - top, fill: Palette.shade)
                canvas.text(x(from) + 4, top + 11, shadedLabel, size: 10, fill: "#8a6d2f")
            }
        }
        for tick in scale.ticks {
            canvas.line(left, y(tick), right, y(tick), stroke: Palette.grid)
            canvas.text(left - 6, y(tick) + 4, format.text(tick), anchor: .end, size: 10)
        }
        for tick in TimeAxis.ticks(start: start, days: count) {
            canvas.line(x(Double(tick.index)), bottom, x(Double(tick.index)), bottom + 4, stroke: Palette.axis)
            canvas.text(x(Double(tick.index)), bottom + 16, tick.label, anchor: .middle, size: 10)
        }
        canvas.line(left, bottom, right, bottom, stroke: Palette.axis)
        canvas.line(left, top, left, bottom, stroke: Palette.axis)
        let last = start.adding(days: count - 1)
        canvas.text((left + right) / 2, height - 6, "date (\(start) to \(last), one point per day)", anchor: .middle, size: 11)
        canvas.text(14, (top + bottom) / 2, axisTitle, anchor: .middle, size: 11, rotate: true)
        for line in series {
            let points = line.values.enumerated().map { (x(Double($0.offset) + 0.5), y($0.element)) }
            if points.count == 1 {
                canvas.rect(x: points[0].0 - 2, y: points[0].1 - 2, width: 4, height: 4, fill: line.color)
            } else {
                canvas.polyline(points, stroke: line.color, width: days > 200 ? 1 : 1.6)
            }
        }
        return canvas.svg(label: label)
    }
}
