/// Date ticks for a daily axis: the first of each quarter (`2023-04`) over a long
/// calendar, every few days (`11-27`) over a short one.
enum TimeAxis {
    static func ticks(start: SimDate, days: Int) -> [(index: Int, label: String)] {
        let dates = (0..<days).map { start.adding(days: $0) }
        if days > 120 {
            return dates.enumerated().filter { $0.element.components.day == 1 && ($0.element.month - 1) % 3 == 0 }
                .map { ($0.offset, $0.element.monthKey) }
        }
        let every = max(1, (days + 6) / 7)
        return dates.enumerated().filter { $0.offset % every == 0 }.map { ($0.offset, String($0.element.description.suffix(5))) }
    }
}
