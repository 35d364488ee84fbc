import Testing

@testable import HospitalCore

@Suite struct ConditionsRuleTests {
    let rule = ConditionsRule()

    @Test func conditionsWithinTheirAgeAndSexPassAndOthersAreNotChecked() {
        let lake = AuditFixture.lake { rows in
            rows.admissions = [
                AuditFixture.stay(
                    "v1", patient: "p1", from: 0, to: 1, patient: AuditFixture.patient(age: 30, gender: "Female", "Pregnancy"))
            ]
            rows.population = [AuditFixture.patient(age: 3, gender: "Male", "Influenza; Asthma")]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func aConditionTheAgeOrSexRulesOutFailsWhereverTheLakeGivesIt() {
        let lake = AuditFixture.lake { rows in
            rows.visits = [
                VisitRow(
                    visitID: "v1", personID: "p1", patient: AuditFixture.patient(age: 30, gender: "Male", "Pregnancy"), arrivalTime: nil)
            ]
            rows.population = [
                AuditFixture.patient(age: 3, gender: "Female", "Arthritis; Alcohol-related illness"),
                AuditFixture.patient(age: 60, gender: "Female", "Gestational Diabetes"),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.checked == 4 && verdict.failures == 4)
        #expect(
            verdict.detail
                == "visit: Pregnancy at 30 (Male); population: Alcohol-related illness at 3 (Female); population: Arthritis at 3 (Female)")
    }
}
