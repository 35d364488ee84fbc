import Testing

@testable import HospitalCore

@Suite struct AuditReportTests {
    @Test func theRulesRunInTheOrderOfTheirIDs() {
        #expect(AuditRules.all.map(\.id) == AuditRuleID.allCases)
    }

    @Test func aVerdictIsFoundByItsRuleAndPrintedInTheOneLineFormat() {
        let lake = AuditFixture.lake { $0.staff = [AuditFixture.staff("s1", "Doctor", age: 25, years: "3.00")] }
        let report = AuditReport(AuditRules.all.map { $0.verdict(on: lake) })
        let service = report[.service]
        #expect(
            service?.line
                == "FAIL service: years of service <= age - role minimum age: 1 of 1 fail (1 staff; staff_data.csv s1 Doctor age 25 service 3.00)"
        )
        #expect(report[.rest]?.line == "PASS rest: at least 11 h between shifts: 0 of 0 fail")
        #expect(report.lines.last == "audit: 11 passed, 1 failed")
    }
}
