/// What happens to patients: how long they stay, when they arrive, how they come and
/// where they are transferred (docs/warehouse.md §Analytics views).
enum CareFigures {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func figures(_ data: AnalyticsData) -> [Figure] {
        [lengthOfStay(data), arrivals(data)] + transports(data) + transfers(data)
    }

    /// Per unit, longest median first: median, mean and 90th percentile of its stays.
    static func lengthOfStay(_ data: AnalyticsData) -> Figure {
        let units = data.stays.filter { $0.condition == nil }
            .sorted { $0.medianDays != $1.medianDays ? $0.medianDays > $1.medianDays : $0.unit < $1.unit }
        let series: [BarChart.Series] = [
            .init(name: "Median", color: Palette.blue), .init(name: "Mean", color: Palette.sky),
            .init(name: "90th percentile", color: Palette.orange),
        ]
        let chart = BarChart(
            categories: units.map { "\($0.unit) (\(NumberText.grouped($0.stays)))" }, series: series,
            values: units.map { [$0.medianDays, $0.meanDays, $0.p90Days] }, format: .decimal(digits: 1),
            axisTitle: "length of stay, days (admission to discharge or transfer)")
        return Figure(
            id: "length-of-stay", title: "Length of stay per unit",
            caption: "Each unit with its number of stays in brackets; outpatient places are left the same day.",
            svg: chart.svg(label: "Length of stay per unit"),
            legend: series.map { .init(name: $0.name, color: $0.color, total: nil) }
                + [.init(name: "Stays", color: "#fff", total: units.map(\.stays).reduce(0, +))])
    }

    static func arrivals(_ data: AnalyticsData) -> Figure {
        var grid = [[Double]](repeating: Array(repeating: 0, count: 24), count: 7)
        for cell in data.arrivals where (1...7).contains(cell.weekday) && (0..<24).contains(cell.hour) {
            grid[cell.weekday - 1][cell.hour] = Double(cell.arrivals)
        }
        let map = HeatMap(
            rows: weekdays, columns: (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" }, values: grid, format: .count,
            columnTitle: "hour of arrival (00 = midnight to 01:00)", scaleTitle: "arrivals per cell over the calendar")
        let ambulance = data.arrivals.map(\.byAmbulance).reduce(0, +)
        let total = data.arrivals.map(\.arrivals).reduce(0, +)
        return Figure(
            id: "arrivals", title: "Arrivals by weekday and hour",
            caption: "Visits by the weekday and hour they arrived; \(NumberText.percent(ambulance, of: total)) came by ambulance.",
            svg: map.svg(label: "Arrivals by weekday and hour"),
            legend: [
                .init(name: "Arrivals", color: Palette.ramp(0.8), total: total),
                .init(name: "By ambulance", color: "#fff", total: ambulance),
            ])
    }

    static func transports(_ data: AnalyticsData) -> [Figure] {
        let types = data.transports.map(\.type).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let severities = Array(Set(data.transports.map(\.severity))).sorted()
        let colors = [Palette.vermillion, Palette.green, Palette.purple, Palette.sky]
        let series = types.enumerated().map { BarChart.Series(name: $0.element, color: colors[$0.offset % colors.count]) }
        let row = { (type: String, severity: Int) in data.transports.first { $0.type == type && $0.severity == severity } }
        let counts = BarChart(
            categories: severities.map { "Severity \($0)" }, series: series,
            values: severities.map { severity in types.map { Double(row($0, severity)?.transports ?? 0) } }, format: .count,
            axisTitle: "transports over the calendar")
        let shares = BarChart(
            categories: severities.map { "Severity \($0)" }, series: series,
            values: severities.map { severity in
                types.map { type in row(type, severity).map { Double($0.withParamedic) / Double(max(1, $0.transports)) } ?? 0 }
            }, format: .percent, axisTitle: "share of transports with a paramedic (EMT) attending")
        let total = { (type: String) in data.transports.filter { $0.type == type }.map(\.transports).reduce(0, +) }
        let paramedics = { (type: String) in data.transports.filter { $0.type == type }.map(\.withParamedic).reduce(0, +) }
        return [
            Figure(
                id: "transports", title: "Transports by type and severity",
                caption: "How patients came, by the severity of their condition (1 mild to 5 critical).",
                svg: counts.svg(label: "Transports by type and severity"),
                legend: series.map { .init(name: $0.name, color: $0.color, total: total($0.name)) }),
            Figure(
                id: "paramedic-share", title: "Paramedic on duty, by type and severity",
                caption: "Share of each type's transports at that severity that an EMT attended.",
                svg: shares.svg(label: "Paramedic share by type and severity"),
                legend: series.map { .init(name: $0.name + " with paramedic", color: $0.color, total: paramedics($0.name)) }),
        ]
    }

    static func transfers(_ data: AnalyticsData) -> [Figure] {
        func grouped(_ key: (AnalyticsData.Transfers) -> String) -> [(String, Int)] {
            var totals: [(String, Int)] = []
            for row in data.transfers {
                if let index = totals.firstIndex(where: { $0.0 == key(row) }) {
                    totals[index].1 += row.transfers
                } else {
                    totals.append((key(row), row.transfers))
                }
            }
            return totals.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        }
        let total = data.transfers.map(\.transfers).reduce(0, +)
        func figure(_ id: String, _ title: String, _ caption: String, _ rows: [(String, Int)]) -> Figure {
            let chart = BarChart(
                categories: rows.map(\.0), series: [.init(name: "Transfers", color: Palette.green)], values: rows.map { [Double($0.1)] },
                format: .count, axisTitle: "transfers over the calendar")
            return Figure(
                id: id, title: title, caption: caption, svg: chart.svg(label: title),
                legend: [.init(name: "Transfers", color: Palette.green, total: total)])
        }
        return [
            figure("transfers-reason", "Transfers by reason", "Why inpatients were moved to another facility.", grouped(\.reason)),
            figure(
                "transfers-destination", "Transfers by destination", "Where they went (and the area of the facility).",
                grouped { "\($0.destination) (\($0.area))" }),
        ]
    }
}
