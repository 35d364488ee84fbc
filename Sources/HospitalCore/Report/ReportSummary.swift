/// The report's headline figures, each a total of one view, as cards above the charts.
struct ReportSummary {
    let cards: [(value: String, label: String)]

    init(_ data: AnalyticsData, _ days: DailyTotals) {
        let visits = Int(days.visits.reduce(0, +))
        let admitted = Int(days.admitted.reduce(0, +))
        let denied = Int(days.denied.reduce(0, +))
        let occupied = data.census.map(\.occupied).reduce(0, +)
        let beds = data.census.compactMap(\.capacity).reduce(0, +)
        let transports = data.transports.map(\.transports).reduce(0, +)
        let paramedic = data.transports.map(\.withParamedic).reduce(0, +)
        let stays = data.stays.filter { $0.condition == nil }
        let bedDays = stays.map { $0.meanDays * Double($0.stays) }.reduce(0, +)
        let staysCount = stays.map(\.stays).reduce(0, +)
        cards = [
            (NumberText.grouped(visits), "visits"),
            (NumberText.grouped(admitted), "admitted (\(NumberText.percent(admitted, of: visits)) of visits)"),
            (NumberText.grouped(denied), "denied, capacity full (\(NumberText.percent(denied, of: visits)))"),
            (NumberText.percent(occupied, of: beds), "mean midnight occupancy of inpatient beds"),
            (NumberText.fixed(staysCount == 0 ? 0 : bedDays / Double(staysCount), digits: 2) + " days", "mean length of stay"),
            (NumberText.grouped(transports), "transports (\(NumberText.percent(paramedic, of: transports)) with a paramedic)"),
            (NumberText.grouped(data.transfers.map(\.transfers).reduce(0, +)), "transfers out"),
            (NumberText.grouped(data.workforce.last?.active ?? 0), "staff on the roster at the end"),
        ]
    }

    var html: String {
        "<div class=\"cards\">"
            + cards.map { "<div class=\"card\"><b>\(HTMLText.escape($0.value))</b><span>\(HTMLText.escape($0.label))</span></div>" }
            .joined() + "</div>\n"
    }
}
