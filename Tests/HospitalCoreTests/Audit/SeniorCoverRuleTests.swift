import Testing

@testable import HospitalCore

@Suite struct SeniorCoverRuleTests {
    let rule = SeniorCoverRule()
    let morning = AuditFixture.at("07:00")

    @Test func everyDepartmentWithASeniorPassesAndADayWithoutAnySeniorIsNotAFault() {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("d1", "Doctor"), AuditFixture.staff("n1", "Nurse")]
            rows.schedules = [
                AuditFixture.shift("d1", from: morning, hours: 8, level: "Senior"),
                AuditFixture.shift("n1", from: morning, hours: 8),
                AuditFixture.shift("n1", from: morning + 1440, hours: 8, department: "Surgery", date: "2022-11-21"),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 2, "\(verdict.line)")
    }

    @Test func aDepartmentWithoutASeniorWhileAnotherHasOneFailsAndUnknownStaffCount() {
        let lake = AuditFixture.lake { rows in
            // A senior paramedic is no clinical senior.
            rows.staff = [AuditFixture.staff("d1", "Doctor"), AuditFixture.staff("e1", "Paramedic")]
            rows.schedules = [
                AuditFixture.shift("d1", from: morning, hours: 8, level: "Senior"),
                AuditFixture.shift("e1", from: morning, hours: 8, level: "Senior", department: "Emergency"),
                AuditFixture.shift("x9", from: morning, hours: 8, department: "Surgery"),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.checked == 3 && verdict.failures == 3)
        #expect(verdict.detail == "schedule rows of unknown staff 1; 2022-11-20 Emergency; 2022-11-20 Surgery")
    }
}
