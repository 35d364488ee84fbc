import Testing

@testable import HospitalCore

@Suite struct DepartmentRuleTests {
    let rule = DepartmentRule()

    /// Nurse n1 worked last night for Medicine, her home, and is deployed to Surgery for
    /// tonight's shift; n2 works for Medicine tonight.
    func verdict(admittedAt clock: String, medicineNurseTonight: Bool = true) -> AuditVerdict {
        let lake = AuditFixture.lake { rows in
            rows.staff = [AuditFixture.staff("n1", "Nurse"), AuditFixture.staff("n2", "Nurse")]
            rows.schedules = [
                AuditFixture.shift("n1", from: AuditFixture.at("19:00", days: -1), hours: 12, date: "2022-11-19"),
                AuditFixture.shift("n1", from: AuditFixture.at("19:00"), hours: 12, department: "Surgery"),
            ]
            if medicineNurseTonight { rows.schedules.append(AuditFixture.shift("n2", from: AuditFixture.at("19:00"), hours: 12)) }
            var stay = AuditFixture.stay("v1", patient: "p1", from: AuditFixture.at(clock), to: nil, nurse: "n1")
            stay.staffDepartment = "Medicine"
            rows.admissions = [stay]
        }
        return rule.verdict(on: lake)
    }

    @Test func herLastNightsShiftCountsForHerHomeWard() {
        let verdict = verdict(admittedAt: "06:00")
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }

    @Test func deployedSheIsNotHerHomeWardsNurseWhileOneOfItsOwnIsAtWork() {
        let verdict = verdict(admittedAt: "21:00")
        #expect(verdict.failures == 1)
        #expect(
            verdict.detail
                == "admission doctor 0, admission nurse 1, transport physician 0, transport nurse 0; "
                + "admission nurse of Surgery for Medicine at 2022-11-20 21:00")
    }

    @Test func anyNurseAtWorkWillDoWhenTheWardHasNone() {
        let verdict = verdict(admittedAt: "21:00", medicineNurseTonight: false)
        #expect(verdict.passed && verdict.checked == 1, "\(verdict.line)")
    }
}
