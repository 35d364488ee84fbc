import HospitalLake
import Testing

@testable import HospitalCore

@Suite struct CSVReaderTests {
    private let columns = ["id", "name", "Age"]

    private func failure(_ text: String) -> CSVReader.Failure? {
        do {
            _ = try CSVReader.parse(Array(text.utf8), expecting: columns)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsQuotedFieldsAndKeepsLineNumbers() throws {
        let table = try CSVReader.parse(Array("id,name,Age\n1,\"a, \"\"b\"\"\",3\n2,,4\n".utf8), expecting: columns)
        #expect(table.rows == [["1", "a, \"b\"", "3"], ["2", "", "4"]])
        #expect(table.lines == [2, 3])
    }

    @Test func roundTripsWhatTheWriterWrites() throws {
        var text = ByteText()
        CSVRow.header(columns, into: &text)
        var row = CSVRow()
        row.field("x\"y", into: &text)
        row.field("line\nbreak, comma", into: &text)
        row.field(5, into: &text)
        row.end(into: &text)
        let table = try CSVReader.parse(text.bytes, expecting: columns)
        #expect(table.rows == [["x\"y", "line\nbreak, comma", "5"]])
    }

    @Test func namesLineAndColumnOfEachKindOfDamage() {
        #expect(failure("") == .init(line: 1, column: 1, reason: "empty file"))
        #expect(failure("id,name,Age\n1,a,2") == .init(line: 2, column: 1, reason: "truncated last line (no line end)"))
        #expect(failure("id,nom,Age\n")?.column == 2)
        #expect(failure("id,name\n") == .init(line: 1, column: 3, reason: "missing column 'Age'"))
        #expect(failure("id,name,Age,extra\n") == .init(line: 1, column: 4, reason: "unexpected extra column 'extra'"))
        #expect(failure("id,name,Age\n1,a,2\n3,b\n") == .init(line: 3, column: 3, reason: "missing field 'Age' (2 of 3 fields)"))
        #expect(failure("id,name,Age\n1,a,2,9\n")?.line == 2)
        #expect(failure("id,name,Age\n1,\"open,2\n")?.reason.contains("unclosed quote") == true)
        #expect(failure("id,name,Age\r\n")?.reason.contains("carriage return") == true)
    }

    /// A quote never closed swallows the lines after it; the fault is named where it opened.
    @Test func namesAnUnclosedQuoteWhereItOpened() {
        let rows = (3...22).map { "\($0),n,\($0)" }.joined(separator: "\n")
        let atEnd = failure("id,name,Age\n1,a,2\n2,\"open,4\n" + rows + "\n")
        #expect(atEnd?.line == 3 && atEnd?.column == 2, "\(String(describing: atEnd))")
        // Closed by a stray quote twenty lines on: the record's shape is wrong, named at the opening.
        let stray = failure("id,name,Age\n2,\"open,4\n" + rows + "\n9,x\"y,1\n")
        #expect(stray?.line == 2 && stray?.column == 2, "\(String(describing: stray))")
    }

    @Test func rejectsInvalidUTF8WithItsPosition() {
        var bytes = Array("id,name,Age\n1,ab".utf8)
        bytes.append(0xC3)
        bytes += Array(",3\n".utf8)
        #expect(throws: CSVReader.Failure(line: 2, column: 2, reason: "invalid UTF-8 at byte 5 of the line")) {
            try CSVReader.parse(bytes, expecting: columns)
        }
    }

    @Test func rejectsAnOverlongLine() {
        let long = String(repeating: "x", count: CSVReader.maximumLineBytes + 10)
        #expect(failure("id,name,Age\n1,\(long),2\n")?.reason.contains("line longer") == true)
    }

    /// The scan stops at the first fault in file order: a short row before a stray quote is what is named.
    @Test func namesTheFirstFaultInFileOrder() {
        #expect(failure("id,name,Age\n1,a,2\n3,b\n4,c\"d,5\n") == .init(line: 3, column: 3, reason: "missing field 'Age' (2 of 3 fields)"))
    }

    @Test func lendsFieldsAsBytesWithQuotesUndone() throws {
        var seen: [[String]] = []
        var empty: [Bool] = []
        try CSVReader.scan(Array("id,name,Age\n7,\"say \"\"hi\"\"\",\n".utf8), expecting: columns) { record in
            seen.append((0..<record.count).map { field in record.withUTF8(field) { String(decoding: $0, as: UTF8.self) } })
            empty.append(record.isEmpty(2))
        }
        #expect(seen == [["7", "say \"hi\"", ""]])
        #expect(empty == [true])
    }

    /// Far into a line and past the eight-byte fast path, the bad byte is still placed exactly:
    /// "3," then 37 bytes then "," put it at byte 41.
    @Test func placesInvalidUTF8AfterLongASCII() {
        var bytes = Array("id,name,Age\n1,a,2\n3,\(String(repeating: "x", count: 37)),".utf8)
        bytes.append(0xFF)
        bytes += Array("\n".utf8)
        #expect(throws: CSVReader.Failure(line: 3, column: 3, reason: "invalid UTF-8 at byte 41 of the line")) {
            try CSVReader.parse(bytes, expecting: columns)
        }
    }
}
