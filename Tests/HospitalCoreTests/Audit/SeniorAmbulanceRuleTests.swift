import Testing

@testable import HospitalCore

@Suite struct SeniorAmbulanceRuleTests {
    let rule = SeniorAmbulanceRule()

    func verdict(_ transports: [TransportRow]) -> AuditVerdict {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("s1", "Doctor"), AuditFixture.staff("j1", "Doctor")]
            rows.schedules = [
                AuditFixture.shift("s1", from: AuditFixture.at("07:00"), hours: 12, level: "Senior"),
                AuditFixture.shift("j1", from: AuditFixture.at("07:00"), hours: 12),
            ]
            rows.transports = transports
        }
        return rule.verdict(on: lake)
    }

    func ambulance(_ severity: Int, physician: String) -> TransportRow {
        var row = AuditFixture.transport("v\(severity)", at: AuditFixture.at("10:00"), physician: physician)
        row.severity = severity
        return row
    }

    @Test func aSeniorOnTheMostSevereAndNobodyRequiredBelowPass() {
        let verdict = verdict([ambulance(5, physician: "s1"), ambulance(4, physician: "")])
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func aJuniorOrNoDoctorOnTheMostSevereFails() {
        let verdict = verdict([ambulance(5, physician: "j1"), ambulance(5, physician: "")])
        #expect(verdict.checked == 2 && verdict.failures == 2)
        #expect(
            verdict.detail
                == "no doctor 1, not senior 1; Doctor not senior at 2022-11-20 10:00; no doctor at 2022-11-20 10:00")
    }
}
