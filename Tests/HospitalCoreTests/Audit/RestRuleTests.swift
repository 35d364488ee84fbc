import Testing

@testable import HospitalCore

@Suite struct RestRuleTests {
    let rule = RestRule()

    @Test func elevenHoursBetweenShiftsPass() {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("s1", "Doctor")]
            rows.schedules = [
                AuditFixture.shift("s1", from: AuditFixture.at("07:00"), hours: 8),
                AuditFixture.shift("s1", from: AuditFixture.at("02:00", days: 1), hours: 8),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func aShiftTooSoonAfterTheLastFailsWhateverTheRowOrder() {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("s1", "Nurse")]
            rows.schedules = [
                AuditFixture.shift("s1", from: AuditFixture.at("19:00"), hours: 8),
                AuditFixture.shift("s1", from: AuditFixture.at("07:00"), hours: 8),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.failures == 1)
        #expect(verdict.detail == "Nurse rests 4 h before 2022-11-20 19:00")
    }
}
