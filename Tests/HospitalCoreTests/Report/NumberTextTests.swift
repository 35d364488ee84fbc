import HospitalCore
import Testing

/// The report's own number formatting: the same text on every machine, whatever its locale.
@Suite struct NumberTextTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-12_345, "-12,345")])
    func groupsThousandsWithCommas(_ value: Int, _ text: String) {
        #expect(NumberText.grouped(value) == text)
    }

    @Test func roundsHalfAwayFromZeroToTheDigitsAsked() {
        #expect(NumberText.fixed(2.35, digits: 1) == "2.4")
        #expect(NumberText.fixed(1234.5, digits: 0) == "1,235")
        #expect(NumberText.fixed(0.05, digits: 2) == "0.05")
        #expect(NumberText.fixed(-0.25, digits: 1) == "-0.3")
        #expect(NumberText.fixed(12_345.678, digits: 1) == "12,345.7")
    }

    @Test func writesSharesAsPercentages() {
        #expect(NumberText.percent(853, of: 1000) == "85.3 %")
        #expect(NumberText.percent(1, of: 3, digits: 0) == "33 %")
        #expect(NumberText.percent(5, of: 0) == "–")
        #expect(NumberText.percent(1.0) == "100.0 %")
    }

    @Test func writesCoordinatesWithOneDecimalAtMost() {
        #expect(NumberText.coordinate(12) == "12")
        #expect(NumberText.coordinate(12.345) == "12.3")
        #expect(NumberText.coordinate(-0.01) == "0")
        #expect(NumberText.coordinate(-3.25) == "-3.3")
    }
}
