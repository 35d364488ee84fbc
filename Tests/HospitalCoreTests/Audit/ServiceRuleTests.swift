import Testing

@testable import HospitalCore

@Suite struct ServiceRuleTests {
    let rule = ServiceRule()

    @Test func serviceWithinAgeLessTheRolesMinimumPasses() {
        // A doctor may start at 24: at 40, 16 years of service is the most there can be.
        let lake = AuditFixture.lake { $0.staff = [AuditFixture.staff("s1", "Doctor", age: 40, years: "16.00")] }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func moreYearsThanTheRoleAllowsFailOncePerRowAndCountStaffOnce() {
        let lake = AuditFixture.lake { rows in
            let broken = AuditFixture.staff("s1", "Doctor", age: 40, years: "16.50")
            let snapshot = StaffRow(
                file: "staff_active_2023-02-18.csv", staffID: "s1", personID: broken.personID, role: "Doctor", age: 40,
                yearsOfService: "16.50")
            rows.staff = [broken, snapshot, AuditFixture.staff("s2", "Nurse", age: 30, years: "9.00")]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.checked == 3 && verdict.failures == 2)
        #expect(
            verdict.detail
                == "1 staff; staff_data.csv s1 Doctor age 40 service 16.50; staff_active_2023-02-18.csv s1 Doctor age 40 service 16.50")
    }
}
