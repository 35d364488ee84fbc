/// Lines over the calendar, one value per day, with a shaded period (the reduced intake)
/// behind them, value gridlines and dated ticks. Over a long calendar a day's noise hides
/// the trend, so each series is drawn faint per day with its centred `window`-day mean bold
/// on top.
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
    /// Days in the centred mean drawn over a long calendar (more than `smoothFrom` days).
    var window = 7
    static let smoothFrom = 120

    var smoothed: Bool { days > Self.smoothFrom && window > 1 }

    /// The mean of the `window` days centred on each day (fewer at the calendar's ends).
    static func mean(_ values: [Double], window: Int) -> [Double] {
        var sums = [0.0]
        for value in values { sums.append(sums.last! + value) }
        return values.indices.map { index in
            let from = max(0, index - window / 2)
            let until = min(values.count, index - window / 2 + window)
            return (sums[until] - sums[from]) / Double(until - from)
        }
    }

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
        for tick in TimeAxis.ticks(start: start, days: count, width: right - left) {
            canvas.line(x(Double(tick.index)), bottom, x(Double(tick.index)), bottom + 4, stroke: Palette.axis)
            canvas.text(x(Double(tick.index)), bottom + 16, tick.label, anchor: .middle, size: 10)
        }
        canvas.line(left, bottom, right, bottom, stroke: Palette.axis)
        canvas.line(left, top, left, bottom, stroke: Palette.axis)
        let last = start.adding(days: count - 1)
        canvas.text((left + right) / 2, height - 6, "date (\(start) to \(last), one point per day)", anchor: .middle, size: 11)
        canvas.text(14, (top + bottom) / 2, axisTitle, anchor: .middle, size: 11, rotate: true)
        let points = { (values: [Double]) in values.enumerated().map { (x(Double($0.offset) + 0.5), y($0.element)) } }
        for line in series {
            if line.values.count == 1 {
                let point = points(line.values)[0]
                canvas.rect(x: point.0 - 2, y: point.1 - 2, width: 4, height: 4, fill: line.color)
            } else if smoothed {
                canvas.polyline(points(line.values), stroke: line.color, width: 0.7, opacity: 0.35)
            } else {
                canvas.polyline(points(line.values), stroke: line.color, width: 1.6)
            }
        }
        if smoothed {
            for line in series { canvas.polyline(points(Self.mean(line.values, window: window)), stroke: line.color, width: 2) }
        }
        return canvas.svg(label: label)
    }
}
