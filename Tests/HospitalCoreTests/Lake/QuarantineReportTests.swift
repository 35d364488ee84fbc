import HospitalCore
import Testing

/// A quarantine report is written and read by one type; its documented members keep their
/// names and order (docs/lake.md §Failed files).
@Suite struct QuarantineReportTests {
    @Test func aReportReadsBackWithEveryTypedField() throws {
        var report = QuarantineReport(
            file: "batch/admissions_2022-11-21.csv", line: 7, column: 21, reason: "refused", service: "batch-ingestor",
            problem: .refused)
        (report.sqlState, report.constraint, report.table, report.heldBy) = ("23503", "fk", "admissions", "daily_visitors_x.csv")
        (report.topic, report.partition, report.offset, report.setAside) = ("t", 3, 42, 2)
        (report.expectedOffset, report.actualOffset, report.missingCount) = (1, 5, 4)
        #expect(QuarantineReport(json: report.json) == report)
    }

    @Test func theDocumentedMembersComeFirstInTheirOrder() {
        var report = QuarantineReport(file: "batch/x.csv", line: 2, column: 3, reason: "r", service: "producer", problem: .malformedCSV)
        report.heldBy = "y.csv"
        let text = String(decoding: report.json, as: UTF8.self)
        #expect(
            text
                == #"{"file":"batch/x.csv","line":2,"column":3,"reason":"r","service":"producer","problem":"malformed_csv","held_by":"y.csv"}"#
                + "\n")
    }

    @Test func aReportFromBeforeProblemsWereNamedReadsAsUnknown() throws {
        let old = Array(#"{"file":"batch/x.csv","line":1,"column":1,"reason":"r","service":"batch-ingestor","held_by":"y.csv"}"#.utf8)
        let report = try #require(QuarantineReport(json: old))
        #expect(report.problem == .unknown && report.heldBy == "y.csv")
        #expect(QuarantineReport(json: Array("{}".utf8)) == nil)
    }
}
