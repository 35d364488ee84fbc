import Foundation
import HospitalCore
import HospitalServices
import Testing

/// Every kind of malformed batch file goes to failed/ with a reason naming file, line and
/// column, and nothing of it reaches the warehouse. (A content fault is named before the
/// flag check, which these unflagged files would fail too: the precise reason wins.)
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorBadInputTests {
    typealias F = WarehouseFixture

    struct Case: CustomStringConvertible, Sendable {
        let label: String
        let name: String
        let line: Int
        let column: Int
        let content: @Sendable (_ header: String, _ row: [String]) -> [UInt8]
        var description: String { label }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let cases: [Case] = [
        Case(label: "wrong header", name: "daily_visitors_2022-11-21.csv", line: 1, column: 4) { header, row in
            text(header.replacingOccurrences(of: "Surname", with: "Lastname") + "\n" + row.joined(separator: ",") + "\n")
        },
        Case(label: "missing column", name: "daily_visitors_2022-11-21.csv", line: 1, column: 14) { header, row in
            text(header.split(separator: ",").dropLast().joined(separator: ",") + "\n" + row.dropLast().joined(separator: ",") + "\n")
        },
        Case(label: "extra column", name: "daily_visitors_2022-11-21.csv", line: 1, column: 15) { header, row in
            text(header + ",extra\n" + row.joined(separator: ",") + ",x\n")
        },
        Case(label: "bad date", name: "daily_visitors_2022-11-21.csv", line: 2, column: 12) { header, row in
            var row = row
            row[11] = "2022-02-30 10:00:00"
            return text(header + "\n" + row.joined(separator: ",") + "\n")
        },
        Case(label: "bad number", name: "daily_visitors_2022-11-21.csv", line: 2, column: 6) { header, row in
            var row = row
            row[5] = "forty"
            return text(header + "\n" + row.joined(separator: ",") + "\n")
        },
        Case(label: "invalid UTF-8", name: "daily_visitors_2022-11-21.csv", line: 2, column: 3) { header, row in
            text(header + "\n" + row[0] + "," + row[1] + ",") + [0xC3, 0x28] + text("," + row[3...].joined(separator: ",") + "\n")
        },
        Case(label: "truncated last line", name: "daily_visitors_2022-11-21.csv", line: 3, column: 1) { header, row in
            text(header + "\n" + row.joined(separator: ",") + "\n" + row.prefix(4).joined(separator: ","))
        },
        Case(label: "empty file", name: "daily_visitors_2022-11-21.csv", line: 1, column: 1) { _, _ in [] },
        Case(label: "header only", name: "daily_visitors_2022-11-21.csv", line: 2, column: 1) { header, _ in text(header + "\n") },
        Case(label: "unknown file name", name: "patients_2022-12-20.csv", line: 1, column: 1) { header, row in
            text(header + "\n" + row.joined(separator: ",") + "\n")
        },
        Case(label: "100 MB line", name: "daily_visitors_2022-11-21.csv", line: 2, column: 2) { header, row in
            text(header + "\n" + row[0] + ",") + [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20) + text("\n")
        },
    ]

    @Test(arguments: cases)
    func aBadFileIsQuarantinedWithItsPosition(_ bad: Case) async throws {
        let layout = try F.lake(days: 1)
        let visitors = try F.csvRows(layout, prefix: "daily_visitors_")
        let header = LakeColumns.visitors.joined(separator: ",")
        try Data(bad.content(header, visitors[0].map { $0.contains(",") ? "\"\($0)\"" : $0 }))
            .write(to: URL(fileURLWithPath: layout.batch + "/" + bad.name))
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database(bad.label))
        while try ingestor.drainOnce().loaded > 0 {}

        #expect(FileManager.default.fileExists(atPath: layout.failed + "/" + bad.name))
        let reportData = try Data(contentsOf: URL(fileURLWithPath: layout.failed + "/" + bad.name + ".error.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: reportData) as? [String: Any])
        #expect(report["file"] as? String == "batch/" + bad.name)
        #expect(report["line"] as? Int == bad.line, "\(report)")
        #expect(report["column"] as? Int == bad.column, "\(report)")
        #expect((report["reason"] as? String)?.isEmpty == false)
        #expect(try F.count(connection, "ingest.files WHERE file_name = '\(bad.name)'") == 0)
        #expect(try F.count(connection, "hospital_admissions.visits") == visitors.count, "nothing of the bad file was loaded")
        #expect(try F.count(connection, "hospital_operations.schedules") == F.csvRows(layout, prefix: "schedules_").count)
        #expect(report["service"] as? String == "batch-ingestor")
    }
}
