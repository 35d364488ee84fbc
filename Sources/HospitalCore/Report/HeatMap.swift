/// A grid of cells shaded from white to blue by value, each cell also written as text, so
/// the shade is never the only way to read it; a scale bar says what the shades mean.
struct HeatMap {
    let rows: [String]
    let columns: [String]
    /// `values[row][column]`.
    let values: [[Double]]
    let format: ValueFormat
    let columnTitle: String
    let scaleTitle: String
    var width = 960.0
    var labelWidth = 110.0
    var cellHeight = 26.0
    /// The value the darkest shade stands for (default: the highest cell).
    var top: Double?

    func svg(label: String) -> String {
        let head = 22.0
        let bottom = head + cellHeight * Double(rows.count)
        var canvas = SVGCanvas(width: width, height: bottom + 62)
        let left = labelWidth, right = width - 10
        let cell = (right - left) / Double(max(1, columns.count))
        let highest = max(top ?? values.flatMap { $0 }.max() ?? 0, 1e-9)
        for (index, column) in columns.enumerated() {
            canvas.text(left + (Double(index) + 0.5) * cell, head - 6, column, anchor: .middle, size: 10)
        }
        for (row, name) in rows.enumerated() {
            let y = head + Double(row) * cellHeight
            canvas.text(left - 8, y + cellHeight / 2 + 4, name, anchor: .end, size: 11)
            for (column, value) in values[row].enumerated() {
                let share = value / highest
                let x = left + Double(column) * cell
                canvas.rect(x: x, y: y, width: cell - 1, height: cellHeight - 1, fill: Palette.ramp(share))
                canvas.text(
                    x + cell / 2, y + cellHeight / 2 + 3.5, format.label(value), anchor: .middle, size: cell < 45 ? 8.5 : 10,
                    fill: share > 0.55 ? "#fff" : "#222")
            }
        }
        canvas.text((left + right) / 2, bottom + 16, columnTitle, anchor: .middle, size: 11)
        let barLeft = left, barWidth = 240.0, barTop = bottom + 28
        for step in 0..<24 {
            let share = Double(step) / 23
            canvas.rect(
                x: barLeft + Double(step) * barWidth / 24, y: barTop, width: barWidth / 24 + 0.5, height: 10, fill: Palette.ramp(share))
        }
        canvas.text(barLeft, barTop + 24, format.text(0), size: 10)
        canvas.text(barLeft + barWidth, barTop + 24, format.text(highest), anchor: .end, size: 10)
        canvas.text(barLeft + barWidth + 12, barTop + 9, scaleTitle, size: 10)
        return canvas.svg(label: label)
    }
}
