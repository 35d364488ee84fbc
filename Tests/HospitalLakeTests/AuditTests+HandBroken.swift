import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

/// Each rule shown to catch a hand-broken lake: one row corrupted, that rule must fail.
extension AuditTests {
    static func minute(_ text: String) -> Int {
        let date = SimDate(iso: text.prefix(10))!
        let clock = text.dropFirst(11).split(separator: ":").map { Int($0)! }
        return date.dayNumber * 1440 + clock[0] * 60 + clock[1]
    }

    static func stamp(_ minute: Int) -> String {
        let date = SimDate(dayNumber: minute / 1440)
        let rest = minute % 1440
        return "\(date) " + String(format: "%02d:%02d:00", rest / 60, rest % 60)
    }

    /// The first admitted inpatient stay after the first day (whose night before is not in
    /// the lake): its table and its row.
    static func firstStay(_ folder: String) throws -> (table: Table, row: Int) {
        for path in try batch(folder, "admissions_").dropFirst() {
            let table = try Table(path, LakeColumns.admissions)
            if let row = table.rows.firstIndex(where: {
                $0[table.column("status")] == "Admitted" && $0[table.column("care_type")] == "Inpatient"
            }) {
                return (table, row)
            }
        }
        throw LakeAudit.AuditError.missing("an inpatient stay")
    }

    static func breaking(_ rule: AuditRuleID, in folder: String) throws {
        switch rule {
        case .capacity:
            // More copies of one stay than the unit has beds.
            var (table, row) = try firstStay(folder)
            for copy in 0..<400 {
                var extra = table.rows[row]
                extra[table.column("visit_id")] = "copy-\(copy)"
                table.rows.append(extra)
            }
            try table.write()
        case .service:
            var table = try Table(LakeLayout(root: folder).batch + "/" + LakeFileName.staff.name, LakeColumns.staff)
            table.rows[0][table.column("years_of_service")] = "99.00"
            try table.write()
        case .onePlace:
            // The stay's patient arrives again an hour into the stay.
            let (stay, row) = try firstStay(folder)
            let admitted = minute(stay.rows[row][stay.column("admission_time")])
            let path = try batch(folder, "daily_visitors_").last!
            var table = try Table(path, LakeColumns.visitors)
            table.rows[0][table.column("person_id")] = stay.rows[row][stay.column("patient_id")]
            table.rows[0][table.column("arrival_time")] = stamp(admitted + 60)
            try table.write()
        case .atWork:
            // The admitting doctor named a day later than the admission: not at work then.
            var (table, row) = try firstStay(folder)
            let doctor = table.rows[row][table.column("admitting_doctor_id")]
            let admitted = minute(table.rows[row][table.column("admission_time")])
            var offDuty: String?
            for path in try batch(folder, "schedules_") {
                let schedule = try Table(path, LakeColumns.schedules)
                let date = SimDate(dayNumber: admitted / 1440)
                let previous = date.adding(days: -1).description, today = date.description
                let day = schedule.column("schedule_date"), staff = schedule.column("staff_id")
                let role = schedule.column("role"), onDuty = schedule.column("on_duty")
                let busy = Set(schedule.rows.filter { ($0[day] == previous || $0[day] == today) && $0[onDuty] == "true" }.map { $0[staff] })
                offDuty =
                    schedule.rows.first {
                        $0[day] == today && ($0[role] == "Doctor" || $0[role] == "Surgeon") && !busy.contains($0[staff])
                            && $0[staff] != doctor
                    }?[staff]
                if offDuty != nil { break }
            }
            table.rows[row][table.column("admitting_doctor_id")] = try #require(offDuty)
            try table.write()
        case .seniorCover:
            // One member at work moved to a department that has no senior that day.
            let path = try batch(folder, "schedules_").first!
            var table = try Table(path, LakeColumns.schedules)
            let row = try #require(
                table.rows.firstIndex { $0[table.column("on_duty")] == "true" && $0[table.column("experience_level")] != "Senior" })
            table.rows[row][table.column("department")] = "Nowhere"
            try table.write()
        case .paramedic:
            for path in try batch(folder, "hospital_emergency_transport_") {
                var table = try Table(path, LakeColumns.transport)
                guard let row = table.rows.firstIndex(where: { $0[table.column("transport_type")] == "Ambulance" }) else { continue }
                table.rows[row][table.column("attending_paramedic_id")] = ""
                try table.write()
                return
            }
            Issue.record("no ambulance")
        case .rest:
            // A second shift for one member starting an hour after the first.
            let path = try batch(folder, "schedules_").first!
            var table = try Table(path, LakeColumns.schedules)
            let row = try #require(table.rows.firstIndex { $0[table.column("on_duty")] == "true" })
            var extra = table.rows[row]
            let start = extra[table.column("shift_start")].split(separator: ":").map { Int($0)! }
            extra[table.column("shift_start")] = String(format: "%02d:%02d", (start[0] + 1) % 24, start[1])
            table.rows.insert(extra, at: row + 1)
            try table.write()
        case .conditions:
            var (table, row) = try firstStay(folder)
            table.rows[row][table.column("condition")] = "Alcohol-related illness"
            table.rows[row][table.column("Age")] = "3"
            try table.write()
        case .ownPatient:
            // The stay's patient becomes the nurse who admitted them.
            var (table, row) = try firstStay(folder)
            let staff = try Table(LakeLayout(root: folder).batch + "/" + LakeFileName.staff.name, LakeColumns.staff)
            let nurse = table.rows[row][table.column("admitting_nurse_id")]
            let member = try #require(staff.rows.first { $0[staff.column("staff_id")] == nurse })
            table.rows[row][table.column("patient_id")] = member[staff.column("person_id")]
            try table.write()
        case .department:
            // The stay's unit said to be worked by another department that has a nurse at work then.
            var (table, row) = try firstStay(folder)
            table.rows[row][table.column("staff_department")] = try otherNursesDepartment(
                folder, than: table.rows[row][table.column("staff_department")],
                at: minute(table.rows[row][table.column("admission_time")]))
            try table.write()
        case .seniorAmbulance:
            // An ambulance made the most severe, with no doctor on board.
            for path in try batch(folder, "hospital_emergency_transport_") {
                var table = try Table(path, LakeColumns.transport)
                guard let row = table.rows.firstIndex(where: { $0[table.column("transport_type")] == "Ambulance" }) else { continue }
                table.rows[row][table.column("severity")] = "5"
                table.rows[row][table.column("attending_physician_id")] = ""
                try table.write()
                return
            }
            Issue.record("no ambulance")
        case .midnightCensus:
            // One more bed held at midnight than the stays hold.
            let batch = LakeLayout(root: folder).batch
            let summaries = try FileManager.default.contentsOfDirectory(atPath: batch).filter { $0.hasPrefix("daily_summary_") }
            let name = try #require(summaries.min())
            var text = try String(contentsOfFile: batch + "/" + name, encoding: .utf8)
            let key = "\"occupied_at_midnight\":"
            let value = try #require(text.range(of: key)).upperBound
            let end = text[value...].firstIndex { !$0.isNumber }!
            text.replaceSubrange(value..<end, with: String(Int(text[value..<end])! + 1))
            try Data(text.utf8).write(to: URL(fileURLWithPath: batch + "/" + name))
        }
    }

    /// A department other than `department` with a nurse on a shift worked for it at `minute`.
    static func otherNursesDepartment(_ folder: String, than department: String, at minute: Int) throws -> String {
        for path in try batch(folder, "schedules_") {
            let schedule = try Table(path, LakeColumns.schedules)
            for row in schedule.rows where row[schedule.column("role")] == "Nurse" && row[schedule.column("on_duty")] == "true" {
                let start = self.minute(row[schedule.column("schedule_date")] + " " + row[schedule.column("shift_start")])
                let hours = Int(row[schedule.column("shift_hours")])! + Int(row[schedule.column("reserve_hours")])!
                let other = row[schedule.column("department")]
                if other != department && start <= minute && minute < start + hours * 60 { return other }
            }
        }
        throw LakeAudit.AuditError.missing("a nurse of another department at work")
    }

    @Test(arguments: AuditRuleID.allCases)
    func aHandBrokenLakeFailsTheRule(rule: AuditRuleID) throws {
        let folder = try Self.lake(seed: 7)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.audit(folder)[rule]?.passed == true, "the unbroken lake passes")
        try Self.breaking(rule, in: folder)
        let verdict = try #require(try Self.audit(folder)[rule])
        #expect(!verdict.passed, "\(rule) broken: \(verdict.line)")
    }
}
