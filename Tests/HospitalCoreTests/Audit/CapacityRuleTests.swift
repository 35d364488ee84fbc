import Testing

@testable import HospitalCore

@Suite struct CapacityRuleTests {
    let rule = CapacityRule()

    @Test func aBedFreedAtAMinuteMayBeTakenAtThatMinute() {
        let lake = AuditFixture.lake { rows in
            rows.beds = [UnitBeds(unit: "Medicine", beds: 1)]
            rows.admissions = [
                AuditFixture.stay("v1", patient: "p1", from: AuditFixture.at("08:00"), to: AuditFixture.at("10:00")),
                AuditFixture.stay("v2", patient: "p2", from: AuditFixture.at("10:00"), to: AuditFixture.at("12:00")),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 2, "\(verdict.line)")
    }

    @Test func moreStaysThanBedsAtOneMinuteFail() {
        let lake = AuditFixture.lake { rows in
            // The last summary's beds count: the unit shrank to one bed.
            rows.beds = [UnitBeds(unit: "Medicine", beds: 2), UnitBeds(unit: "Medicine", beds: 1)]
            rows.admissions = [
                AuditFixture.stay("v1", patient: "p1", from: AuditFixture.at("08:00"), to: AuditFixture.at("12:00")),
                AuditFixture.stay("v2", patient: "p2", from: AuditFixture.at("09:30"), to: AuditFixture.at("11:00")),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.failures == 1)
        #expect(verdict.detail == "Medicine 2 of 1 at 2022-11-20 09:30")
    }
}
