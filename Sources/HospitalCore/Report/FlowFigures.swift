/// Patient flow over the calendar: visits and admissions, capacity denials, and each
/// inpatient ward's midnight occupancy (docs/warehouse.md §Analytics views).
enum FlowFigures {
    static let shadedLabel = "reduced intake"

    static func figures(_ data: AnalyticsData, _ days: DailyTotals, _ context: ReportContext) -> [Figure] {
        func chart(_ series: [DailyChart.Series], axis: String, window: Int) -> DailyChart {
            var chart = DailyChart(
                start: days.start, series: series, format: .count, axisTitle: axis, shaded: context.reducedIntake,
                shadedLabel: shadedLabel)
            chart.window = window
            return chart
        }
        let total = { (values: [Double]) in Int(values.reduce(0, +)) }
        let flow = chart(
            [
                .init(name: "Visits", color: Palette.gray, values: days.visits),
                .init(name: "Admitted", color: Palette.blue, values: days.admitted),
            ], axis: "patients per day", window: 7)
        let denials = chart(
            [.init(name: "Denied: capacity full", color: Palette.vermillion, values: days.denied)], axis: "denials per day", window: 28)
        return [
            Figure(
                id: "daily-flow", title: "Visits and admissions per day",
                caption: "Every visit triaged, and those admitted to a bed or place; shaded: the reduced-intake period."
                    + smoothing(flow),
                svg: flow.svg(label: "Visits and admissions per day"),
                legend: [
                    .init(name: "Visits", color: Palette.gray, total: total(days.visits)),
                    .init(name: "Admitted", color: Palette.blue, total: total(days.admitted)),
                    .init(name: "Reduced intake", color: Palette.shade, total: nil),
                ]),
            Figure(
                id: "daily-denials", title: "Capacity denials per day",
                caption: "Visits turned away because their unit had no free bed or place." + smoothing(denials),
                svg: denials.svg(label: "Capacity denials per day"),
                legend: [
                    .init(name: "Denied: capacity full", color: Palette.vermillion, total: total(days.denied)),
                    .init(name: "Reduced intake", color: Palette.shade, total: nil),
                ]),
        ] + occupancy(data, days, context)
    }

    /// One small chart per inpatient ward, in the order of its beds (largest first).
    static func occupancy(_ data: AnalyticsData, _ days: DailyTotals, _ context: ReportContext) -> [Figure] {
        var wards: [String] = []
        var rows: [String: [AnalyticsData.Census]] = [:]
        for row in data.census {
            if rows[row.unit] == nil { wards.append(row.unit) }
            rows[row.unit, default: []].append(row)
        }
        let beds = { (unit: String) in rows[unit]!.compactMap(\.capacity).max() ?? 0 }
        wards.sort { beds($0) != beds($1) ? beds($0) > beds($1) : $0 < $1 }
        return wards.map { unit in
            let census = rows[unit]!
            var shares = Array(repeating: 0.0, count: days.days)
            for row in census where (row.capacity ?? 0) > 0 {
                shares[days.index(row.date)] = Double(row.occupied) / Double(row.capacity!)
            }
            let occupied = census.map(\.occupied).reduce(0, +)
            let capacity = census.compactMap(\.capacity).reduce(0, +)
            var chart = DailyChart(
                start: days.start, series: [.init(name: "Occupancy", color: Palette.blue, values: shares)], format: .percent,
                axisTitle: "beds in use", shaded: context.reducedIntake, shadedLabel: "")
            chart.width = 460
            chart.height = 170
            chart.floor = 1
            chart.window = 28
            var figure = Figure(
                id: ReportPage.figureID(ward: unit),
                title: "\(unit): \(NumberText.grouped(beds(unit))) \(beds(unit) == 1 ? "bed" : "beds")",
                caption: "Beds in use at midnight / beds; mean \(NumberText.percent(occupied, of: capacity))."
                    + (chart.smoothed ? " Bold: 28-day mean." : ""),
                svg: chart.svg(label: "Midnight occupancy of \(unit)"),
                legend: [.init(name: "Bed-nights occupied", color: Palette.blue, total: occupied)])
            figure.wide = false
            return figure
        }
    }

    /// What the caption says of a chart that draws a mean over its days.
    static func smoothing(_ chart: DailyChart) -> String {
        chart.smoothed ? " Faint: each day; bold: the centred \(chart.window)-day mean." : ""
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if slug.last != "-" {
                slug.append("-")
            }
        }
        return slug
    }
}
