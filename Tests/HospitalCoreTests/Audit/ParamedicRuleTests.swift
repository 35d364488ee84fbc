import Testing

@testable import HospitalCore

@Suite struct ParamedicRuleTests {
    let rule = ParamedicRule()

    @Test func anAmbulanceWithAParamedicPassesAndOtherTransportsAreNotCounted() {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("e1", "Paramedic")]
            rows.transports = [
                AuditFixture.transport("v1", at: AuditFixture.at("10:00"), paramedic: "e1"),
                AuditFixture.transport("v2", at: AuditFixture.at("11:00"), ambulance: false),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func anAmbulanceWithoutAParamedicFails() {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("n1", "Nurse")]
            rows.transports = [
                AuditFixture.transport("v1", at: AuditFixture.at("10:00"), paramedic: "n1"),
                AuditFixture.transport("v2", at: AuditFixture.at("11:00")),
            ]
        }
        let verdict = rule.verdict(on: lake)
        #expect(verdict.failures == 2)
        #expect(verdict.detail == "ambulance at 2022-11-20 10:00; ambulance at 2022-11-20 11:00")
    }
}
