import Testing

@testable import HospitalCore

@Suite struct CalendarTests {
    @Test func roundTripsEveryDayOfTheFullCalendar() {
        for date in Profile.fullCalendar.dates {
            let (y, m, d) = date.components
            #expect(SimDate(year: y, month: m, day: d) == date)
            #expect(SimDate(iso: date.description) == date)
        }
    }

    @Test func fullCalendarHas863Dates() {
        #expect(Profile.fullCalendar.dayCount == 863)
        #expect(Profile.fullCalendar.start.description == "2022-11-20")
        #expect(Profile.fullCalendar.end.description == "2025-03-31")
    }

    @Test(arguments: ["2023-02-29", "2022-13-01", "2022-1-01", "20221120", "", "2022-11-20x"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(SimDate(iso: text) == nil)
    }

    @Test func countsAgeLikeAPerson() {
        let birth = SimDate(year: 2000, month: 2, day: 29)
        #expect(SimDate(year: 2022, month: 2, day: 28).years(since: birth) == 21)
        #expect(SimDate(year: 2022, month: 3, day: 1).years(since: birth) == 22)
    }

    @Test func monthsAreClippedToTheCalendar() {
        let months = Profile.golden.calendar.months
        #expect(months.count == 2)
        #expect(months[0].first.description == "2022-11-20")
        #expect(months[0].last.description == "2022-11-30")
        #expect(months[1].last.description == "2022-12-03")
        #expect(Profile.fullCalendar.months.count == 29)
    }

    @Test func minutesKnowTheirDate() {
        let minute = SimMinute(date: SimDate(year: 2024, month: 2, day: 29), minuteOfDay: 23 * 60 + 59)
        #expect(minute.date.description == "2024-02-29")
        #expect(minute.adding(minutes: 1).date.description == "2024-03-01")
        var text = ByteText()
        text.appendTimestamp(minute)
        #expect(text.string == "2024-02-29 23:59:00")
    }
}
