/// One chart of the report: its title, what it shows and in which units, the drawing and
/// its legend. Each legend entry that counts something carries its total, written both for
/// the reader and in the figure's `data-totals`, which the tests compare with the views.
struct Figure {
    struct Entry {
        let name: String
        let color: String
        let total: Int?
    }

    let id: String
    let title: String
    let caption: String
    let svg: String
    let legend: [Entry]
    var wide = true

    var html: String {
        let totals = legend.compactMap { entry in entry.total.map { "\(entry.name)=\($0)" } }.joined(separator: ";")
        var html = "<figure id=\"\(id)\"\(wide ? "" : " class=\"small\"") data-totals=\"\(HTMLText.escape(totals))\">"
        html += "<figcaption><h3>\(HTMLText.escape(title))</h3><p>\(HTMLText.escape(caption))</p></figcaption>"
        if !legend.isEmpty {
            html += "<ul class=\"legend\">"
            for entry in legend {
                html += "<li><span class=\"swatch\" style=\"background:\(entry.color)\"></span>\(HTMLText.escape(entry.name))"
                if let total = entry.total { html += " <b>\(NumberText.grouped(total))</b>" }
                html += "</li>"
            }
            html += "</ul>"
        }
        return html + svg + "</figure>"
    }
}
