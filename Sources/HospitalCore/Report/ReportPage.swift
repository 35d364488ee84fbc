/// The report as one self-contained HTML page: inline CSS and SVG, no script, no fetch, no
/// wall-clock text. A pure function of the views' rows and the context, so the golden
/// profile's page is pinned byte for byte (Golden/golden/report.html).
public enum ReportPage {
    public static func render(_ data: AnalyticsData, context: ReportContext) -> [UInt8] {
        let days = DailyTotals(data)
        let flow = FlowFigures.figures(data, days, context)
        let wide = flow.filter(\.wide)
        let wards = flow.filter { !$0.wide }
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>Hospital report: \(HTMLText.escape(context.profile)) profile, \(days.start) to \(days.end)</title>\n"
        html += "<style>\n" + style + "</style>\n</head>\n<body>\n<header>\n"
        html += "<h1>Hospital warehouse report</h1>\n"
        html += "<p>Profile <b>\(HTMLText.escape(context.profile))</b>, \(days.start) to \(days.end) "
        html += "(\(NumberText.grouped(days.days)) days), from the warehouse's analytics views.</p>\n"
        html += ReportSummary(data, days).html + "</header>\n"
        html += section("Patient flow", wide)
        html += section("Bed occupancy per inpatient ward", wards, grid: true)
        html += section("Stays, arrivals, transports and transfers", CareFigures.figures(data))
        html += section("Workforce and senior cover", StaffFigures.figures(data))
        html += "<footer>Drawn by <code>hospital report</code> from the views of the <code>analytics</code> schema "
        html += "(docs/warehouse.md, Analytics views). Thousands are separated by commas; shares are percentages.</footer>\n"
        html += "</body>\n</html>\n"
        return Array(html.utf8)
    }

    /// The id of a ward's occupancy figure, where its `data-totals` are.
    public static func figureID(ward unit: String) -> String { "occupancy-" + FlowFigures.slug(unit) }

    static func section(_ title: String, _ figures: [Figure], grid: Bool = false) -> String {
        "<section>\n<h2>\(HTMLText.escape(title))</h2>\n" + (grid ? "<div class=\"grid\">\n" : "")
            + figures.map { $0.html + "\n" }.joined() + (grid ? "</div>\n" : "") + "</section>\n"
    }

    static let style = """
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; margin: 0 auto; max-width: 1000px; padding: 16px 20px 40px; background: #fff; }
        h1 { font-size: 26px; margin: 8px 0 4px; }
        h2 { font-size: 20px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin: 32px 0 8px; }
        h3 { font-size: 15px; margin: 0 0 2px; }
        figure { margin: 18px 0; }
        figcaption p { margin: 0 0 4px; font-size: 13px; color: #555; }
        svg { width: 100%; height: auto; display: block; font-family: inherit; }
        .legend { list-style: none; padding: 0; margin: 4px 0; font-size: 13px; }
        .legend li { display: inline-block; margin-right: 18px; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border: 1px solid #999; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 24px; }
        .grid figure { margin: 10px 0; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 14px 0 0; }
        .card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; }
        .card b { display: block; font-size: 20px; }
        .card span { font-size: 12px; color: #555; }
        footer { margin-top: 36px; font-size: 12px; color: #666; }

        """
}
