/// The daily views laid over the calendar they cover: one slot per day from the first
/// date any of them holds to the last, so a day without a visit is a zero, not a gap.
struct DailyTotals {
    let start: SimDate
    let days: Int
    var visits: [Double]
    var admitted: [Double]
    var denied: [Double]

    init(_ data: AnalyticsData) {
        let dates = data.census.map(\.date) + data.admissions.map(\.date)
        start = dates.min() ?? SimDate(dayNumber: 0)
        days = dates.isEmpty ? 0 : (dates.max()!.dayNumber - start.dayNumber + 1)
        visits = Array(repeating: 0, count: days)
        admitted = visits
        denied = visits
        for row in data.admissions {
            let index = row.date.dayNumber - start.dayNumber
            visits[index] += Double(row.visits)
            admitted[index] += Double(row.admitted)
            denied[index] += Double(row.denied)
        }
    }

    var end: SimDate { start.adding(days: max(0, days - 1)) }

    func index(_ date: SimDate) -> Int { date.dayNumber - start.dayNumber }
}
