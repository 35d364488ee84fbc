import Testing

@testable import HospitalCore

@Suite struct OnePlaceRuleTests {
    let rule = OnePlaceRule()
    let stay = AuditFixture.stay("v1", patient: "p1", from: AuditFixture.at("08:00"), to: AuditFixture.at("08:00", days: 2))

    @Test func arrivalsOutsideAStayAndTheStaysOwnVisitPass() {
        let lake = AuditFixture.lake { rows in
            rows.admissions = [stay]
            rows.visits = [
                VisitRow(visitID: "v2", personID: "p1", patient: AuditFixture.patient(), arrivalTime: AuditFixture.at("09:00", days: 2))
            ]
            rows.transports = [AuditFixture.transport("v1", patient: "p1", at: AuditFixture.at("07:30"))]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 3, "\(verdict.line)")
    }

    @Test func aVisitDuringAStayAndAStaffShiftDuringTheirOwnStayFail() {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("n1", "Nurse", person: "p1")]
            rows.schedules = [AuditFixture.shift("n1", from: AuditFixture.at("07:00", days: 1), hours: 8)]
            rows.admissions = [stay]
            rows.visits = [VisitRow(visitID: "v2", personID: "p1", patient: AuditFixture.patient(), arrivalTime: AuditFixture.at("12:00"))]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.checked == 3 && verdict.failures == 2)
        #expect(
            verdict.detail
                == "admitted 0, visiting 1, transported 0, staff shifts 1; visit at 2022-11-20 12:00 during a stay from 2022-11-20 08:00; "
                + "staff on duty 2022-11-21 07:00 while admitted 2022-11-20 08:00")
    }
}
