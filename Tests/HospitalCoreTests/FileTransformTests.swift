import Foundation
import Testing

@testable import HospitalCore

/// The ingestor's pure half refuses, with line and column, every value the warehouse's
/// constraints would refuse, and sets aside a bad event alone.
@Suite struct FileTransformTests {
    /// An admissions file of one good row, with `edit` applied to the row's fields by name.
    static func admissions(_ edits: [String: String] = [:], extraRows: [[String: String]] = []) -> [UInt8] {
        let good: [String: String] = [
            "admission_id": "8d4ef7f2-83af-8619-b1be-ba565cd9152a", "visit_id": "26a0d6e5-8023-8807-9ee0-3bc62012f907",
            "patient_id": "9617dade-1419-80cf-823c-d0fd466d7948", "First_Name": "Thandiwe", "Surname": "Mokoena", "Gender": "Female",
            "Age": "39", "condition": "Minor Injury", "severity": "1", "severity_label": "Mild", "care_type": "Outpatient",
            "department": "Emergency Room", "staff_department": "Emergency", "arrival_time": "2022-11-20 00:13:00",
            "triage_minutes": "72", "admission_time": "2022-11-20 01:25:00", "status": "Admitted", "length_of_stay_days": "0",
            "discharge_time": "2022-11-20 03:47:00", "discharge_reason": "Discharged",
            "admitting_doctor_id": "8da86ad7-f0d0-8767-9796-4148c4499aae", "admitting_nurse_id": "781ef1ea-a272-8934-a794-ed9f34e0c8fc",
            "hospital_remedy": "Wound care",
        ]
        var text = LakeColumns.admissions.joined(separator: ",") + "\n"
        for row in [good.merging(edits) { $1 }] + extraRows.map({ good.merging($0) { $1 } }) {
            text += LakeColumns.admissions.map { row[$0]! }.joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    func failure(_ bytes: [UInt8], _ kind: IngestFile.Kind = .admissions) -> CSVReader.Failure? {
        do {
            _ = try FileTransform.rows(kind, bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    func column(_ name: String) -> Int { LakeColumns.admissions.firstIndex(of: name)! + 1 }

    @Test func aGoodRowPasses() {
        #expect(failure(Self.admissions()) == nil)
    }

    @Test func everyCheckOfTheSchemaIsMirrored() {
        let cases: [(String, String, String)] = [
            ("length_of_stay_days", "-5", "must be at least 0"),
            ("triage_minutes", "-1", "must be at least 0"),
            ("status", "Pending", "must be one of"),
            ("discharge_reason", "Escaped", "must be one of"),
            ("discharge_time", "2022-11-19 03:47:00", "must not be before 'admission_time'"),
            ("hospital_remedy", "rest\u{0}", "NUL byte"),
            ("hospital_remedy", String(repeating: "z", count: WarehouseTable.maximumFieldBytes + 1), "longer than"),
        ]
        for (field, value, reason) in cases {
            let fault = failure(Self.admissions([field: value]))
            #expect(fault?.line == 2 && fault?.column == column(field), "\(field): \(String(describing: fault))")
            #expect(fault?.reason.contains(reason) == true, "\(field): \(String(describing: fault))")
        }
    }

    @Test func aNullComparesAsSQLDoes() {
        // A denied row has no admission time: the discharge check does not apply.
        #expect(failure(Self.admissions(["admission_time": "", "discharge_time": "", "status": "Denied - Capacity Full"])) == nil)
    }

    @Test func aDuplicateKeyIsRefusedAtItsSecondLine() {
        let fault = failure(Self.admissions(extraRows: [["visit_id": "26a0d6e5-8023-8807-9ee0-3bc62012f908"]]))
        #expect(fault?.line == 3 && fault?.column == 1)
        #expect(fault?.reason.contains("duplicate key (admission_id)") == true)
    }

    @Test func aRepeatedDimensionCollapsesAndAConflictingOneIsRefused() throws {
        let header = LakeColumns.visitors.joined(separator: ",")
        let row = [
            "0a8b2c3d-0000-8000-8000-000000000001", "9617dade-1419-80cf-823c-d0fd466d7948", "Thandiwe", "Mokoena", "Female", "39",
            "Minor Injury", "1", "Mild", "Outpatient", "Emergency Room", "2022-11-20 00:13:00", "1", "Fell",
        ]
        var second = row
        second[0] = "0a8b2c3d-0000-8000-8000-000000000002"
        let same = Array((header + "\n" + row.joined(separator: ",") + "\n" + second.joined(separator: ",") + "\n").utf8)
        let tables = try FileTransform.rows(.visitors, bytes: same)
        #expect(tables.map(\.rows.count) == [1, 1, 2], "one condition, one patient, two visits")
        second[2] = "Other"
        let conflicting = Array((header + "\n" + row.joined(separator: ",") + "\n" + second.joined(separator: ",") + "\n").utf8)
        #expect(failure(conflicting, .visitors)?.reason.contains("conflicting rows for key (patient_id)") == true)
    }

    @Test func aBadEventIsSetAsideAloneAndAGoodOneKept() throws {
        let good =
            #"{"summary_date":"2022-11-20","visitors":1,"admitted":1,"denied":0,"ambulance_arrivals":0,"transfers_planned":0,"units":[]}"#
        let negative = good.replacingOccurrences(of: #""admitted":1"#, with: #""admitted":-5"#)
        let late = good.replacingOccurrences(of: "2022-11-20", with: "2031-01-01")
        func event(_ summary: String, _ date: String = "2022-11-20") -> String {
            #"{"event_id":"8d4ef7f2-83af-8619-b1be-ba565cd91500","event_type":"daily_summary","sim_date":"\#(date)","session":null,"schema_version":1,"summary":\#(summary)}"#
        }
        let text = [event(good), "not json", event(negative), event(late, "2031-01-01"), event(good) + "\n" + event(good)]
            .joined(separator: "\n")
        let result = try FileTransform.transform(.summaries, bytes: Array(text.utf8), calendar: Profile.golden.calendar)
        #expect(result.tables[0].lines == [1], "the good event, and its exact repeat collapsed")
        #expect(result.rejected.map(\.line) == [2, 3, 4, 6])
        #expect(result.rejected[0].reason == "not a JSON object")
        #expect(result.rejected[1].reason.contains("'admitted' must be at least 0"))
        #expect(result.rejected[2].reason.contains("outside the calendar"))
        #expect(result.rejected[3].reason == "truncated last line (no line end)")
    }

    @Test func escapedTextCannotSplitALineOrQuoteItsWayOut() {
        #expect(EscapedText.of("a\nb'c\"\\\u{0}") == "a\\nb\\'c\\\"\\\\\\u{0}")
        #expect(EscapedText.of(String(repeating: "x", count: 10), limit: 4) == "xxxx…")
    }
}
