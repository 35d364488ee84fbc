/// Date ticks for a daily axis: over a long calendar the first of each quarter (`2023-04`),
/// or of each year (`2024`) where quarters would crowd the axis; over a short one every
/// few days (`11-27`).
enum TimeAxis {
    static func ticks(start: SimDate, days: Int, width: Double) -> [(index: Int, label: String)] {
        let dates = (0..<days).map { start.adding(days: $0) }
        if days > 120 {
            let firsts = dates.enumerated().filter { $0.element.components.day == 1 }
            if width / Double(days) * 91 >= 64 {
                return firsts.filter { ($0.element.month - 1) % 3 == 0 }.map { ($0.offset, $0.element.monthKey) }
            }
            return firsts.filter { $0.element.month == 1 }.map { ($0.offset, String($0.element.year)) }
        }
        let every = max(1, (days + 6) / 7)
        return dates.enumerated().filter { $0.offset % every == 0 }.map { ($0.offset, String($0.element.description.suffix(5))) }
    }
}
