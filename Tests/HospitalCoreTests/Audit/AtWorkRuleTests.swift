import Testing

@testable import HospitalCore

@Suite struct AtWorkRuleTests {
    let rule = AtWorkRule()

    /// A day shift of one doctor, one nurse and one paramedic, and an admission and a transport that name them.
    func verdict(admittedAt admitted: String, _ transport: TransportRow, transfers: Int = 0) -> AuditVerdict {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("d1", "Doctor"), AuditFixture.staff("n1", "Nurse"), AuditFixture.staff("e1", "Paramedic")]
            rows.schedules = ["d1", "n1", "e1"].map { AuditFixture.shift($0, from: AuditFixture.at("07:00"), hours: 12) }
            rows.admissions = [
                AuditFixture.stay("v1", patient: "p1", from: AuditFixture.at(admitted), to: nil, doctor: "d1", nurse: "n1")
            ]
            rows.transports = [transport]
            rows.transfers = transfers
        }
        return rule.verdict(on: lake)
    }

    @Test func everyoneNamedOnShiftInTheirRolePasses() {
        let verdict = verdict(
            admittedAt: "09:00", AuditFixture.transport("v2", at: AuditFixture.at("10:00"), paramedic: "e1", physician: "d1"),
            transfers: 4)
        #expect(verdict.passed && verdict.checked == 4, "\(verdict.line)")
        #expect(verdict.detail.hasSuffix("; transfers name no staff (4 rows)"))
    }

    @Test func offShiftWrongRoleAndUnknownStaffEachFail() {
        let verdict = verdict(admittedAt: "20:00", AuditFixture.transport("v2", at: AuditFixture.at("10:00"), paramedic: "n1", nurse: "x9"))
        #expect(verdict.checked == 4 && verdict.failures == 4)
        #expect(
            verdict.detail
                == "not at work 2 (admission doctor 1, admission nurse 1, transport paramedic 0, transport physician 0, "
                + "transport nurse 0), wrong role 1, not on the staff 1; admission doctor Doctor at 2022-11-20 20:00; "
                + "admission nurse Nurse at 2022-11-20 20:00; transfers name no staff (0 rows)")
    }
}
