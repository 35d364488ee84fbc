import Testing

@testable import HospitalCore

@Suite struct MidnightCensusRuleTests {
    let rule = MidnightCensusRule()

    /// Two beds; a stay over midnight, one that ends at it, and a patient who arrived before
    /// midnight but is admitted after it.
    func verdict(occupied: Int) -> AuditVerdict {
        let lake = AuditFixture.lake { rows in
            rows.beds = [UnitBeds(unit: "Medicine", beds: 2, date: AuditFixture.at("00:00"), occupied: occupied)]
            rows.admissions = [
                AuditFixture.stay("v1", patient: "p1", from: AuditFixture.at("08:00"), to: AuditFixture.at("10:00", days: 2)),
                AuditFixture.stay("v2", patient: "p2", from: AuditFixture.at("09:00"), to: AuditFixture.at("00:00", days: 1)),
                AuditFixture.stay("v3", patient: "p3", from: AuditFixture.at("00:20", days: 1), to: AuditFixture.at("12:00", days: 3)),
            ]
        }
        return rule.verdict(on: lake)
    }

    @Test func theBedsHeldAtMidnightPass() {
        let verdict = verdict(occupied: 1)
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func countingAPatientTriagedPastMidnightFails() {
        let verdict = verdict(occupied: 2)
        #expect(verdict.failures == 1)
        #expect(verdict.detail == "differs from the stays 1, above capacity 0; 2022-11-20 Medicine 2 vs 1 held")
    }

    @Test func moreThanTheBedsFailsOnce() {
        let verdict = verdict(occupied: 3)
        #expect(verdict.failures == 1)
        #expect(
            verdict.detail
                == "differs from the stays 1, above capacity 1; 2022-11-20 Medicine 3 vs 1 held; 2022-11-20 Medicine 3 of 2 beds")
    }
}
