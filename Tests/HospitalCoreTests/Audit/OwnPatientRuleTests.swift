import Testing

@testable import HospitalCore

@Suite struct OwnPatientRuleTests {
    let rule = OwnPatientRule()

    func verdict(patient: String) -> AuditVerdict {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("d1", "Doctor"), AuditFixture.staff("n1", "Nurse")]
            rows.admissions = [
                AuditFixture.stay("v1", patient: patient, from: AuditFixture.at("09:00"), to: nil, doctor: "d1", nurse: "n1")
            ]
            rows.transports = [AuditFixture.transport("v1", patient: patient, at: AuditFixture.at("08:40"), nurse: "n1")]
        }
        return rule.verdict(on: lake)
    }

    @Test func anotherPersonsCarersPass() {
        let verdict = verdict(patient: "person-p1")
        #expect(verdict.passed && verdict.checked == 3, "\(verdict.line)")
    }

    @Test func aNurseAdmittingAndBringingHerselfFails() {
        let verdict = verdict(patient: "person-n1")
        #expect(verdict.failures == 2)
        #expect(
            verdict.detail
                == "admissions 1, transports 1; admission nurse is the patient at 2022-11-20 09:00; "
                + "transport nurse is the patient at 2022-11-20 08:40")
    }
}
