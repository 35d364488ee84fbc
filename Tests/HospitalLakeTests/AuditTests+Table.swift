import Foundation
import HospitalCore

extension AuditTests {
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
}
