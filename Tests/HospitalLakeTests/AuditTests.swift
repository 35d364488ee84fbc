import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

/// The lake audit over many seeds (every rule holds of what the generator writes), and each
/// rule shown to catch a hand-broken lake: one row corrupted, that rule must fail.
@Suite struct AuditTests {
    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 42, 2_024, 20_221_120, 987_654_321]

    static func lake(seed: UInt64, days: Int = 14) throws -> String {
        let folder = TestWorld.temporaryDirectory("audit-\(seed)")
        _ = try Simulation(world: try TestWorld.world(seed: seed, days: days), layout: LakeLayout(root: folder)).run()
        return folder
    }

    static func audit(_ folder: String) throws -> AuditReport {
        try LakeAudit(layout: LakeLayout(root: folder), config: TestWorld.config).run()
    }

    @Test(arguments: seeds)
    func everyRuleHoldsOfAGeneratedLake(seed: UInt64) throws {
        let folder = try Self.lake(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Self.audit(folder)
        #expect(report.verdicts.map(\.rule) == AuditRuleID.allCases)
        for verdict in report.verdicts {
            #expect(verdict.passed, "seed \(seed): \(verdict.line)")
            #expect(verdict.checked > 0, "seed \(seed): \(verdict.line)")
        }
    }

    // MARK: - Mutations

    /// A CSV file of the lake read into strings, changed, and written back.
    struct Table {
        let path: String
        let columns: [String]
        var rows: [[String]]

        init(_ path: String, _ columns: [String]) throws {
            self.path = path
            self.columns = columns
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            rows = try CSVReader.parse(bytes, expecting: columns).rows
        }

        func column(_ name: String) -> Int { columns.firstIndex(of: name)! }

        func write() throws {
            func quoted(_ field: String) -> String {
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }
            let text = ([columns] + rows).map { $0.map(quoted).joined(separator: ",") + "\n" }.joined()
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    static func batch(_ folder: String, _ prefix: String) throws -> [String] {
        let batch = LakeLayout(root: folder).batch
        return try FileManager.default.contentsOfDirectory(atPath: batch).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".csv") }
            .sorted().map { batch + "/" + $0 }
    }

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
            var table = try Table(LakeLayout(root: folder).batch + "/" + LakeName.staff, LakeColumns.staff)
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
        }
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

    @Test func wardFiguresAddUpTheDailySummaries() throws {
        let folder = try Self.lake(seed: 11, days: 5)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let figures = WardFigures.read(LakeLayout(root: folder))
        #expect(figures.days == 5)
        var admitted = 0, denied = 0
        for path in try Self.batch(folder, "admissions_") {
            let table = try Table(path, LakeColumns.admissions)
            admitted += table.rows.filter { $0[table.column("status")] == "Admitted" }.count
            denied += table.rows.filter { $0[table.column("status")] != "Admitted" }.count
        }
        #expect(figures.units.reduce(0) { $0 + $1.admitted } == admitted)
        #expect(figures.units.reduce(0) { $0 + $1.denied } == denied)
        #expect(figures.units.filter { $0.care == "Inpatient" }.allSatisfy { $0.nights == 5 && $0.meanOccupancy <= 1 })
        #expect(figures.lines.count == figures.units.count + 3)
    }
}
