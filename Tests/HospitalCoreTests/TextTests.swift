import Testing

@testable import HospitalCore

@Suite struct TextTests {
    @Test func csvQuotesOnlyWhatNeedsQuoting() {
        var text = ByteText()
        var row = CSVRow()
        row.field("plain", into: &text)
        row.field("a, b", into: &text)
        row.field("say \"hi\"", into: &text)
        row.field(-42, into: &text)
        row.field(Int?.none, into: &text)
        row.field(hundredths: 1225, into: &text)
        row.end(into: &text)
        #expect(text.string == "plain,\"a, b\",\"say \"\"hi\"\"\",-42,,12.25\n")
    }

    @Test func jsonKeepsTheCallersKeyOrderAndEscapes() {
        var json = JSONText()
        json.beginObject()
        json.member("z", 1)
        json.member("a", "line\n\"quoted\"")
        json.key("list")
        json.beginArray()
        json.int(1)
        json.beginObject()
        json.endObject()
        json.endArray()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"z":1,"a":"line\n\"quoted\"","list":[1,{}]}"#)
    }

    @Test func numbersArePaddedByOurOwnCode() {
        var text = ByteText()
        text.append(7, width: 3)
        text.append(UInt8(ascii: " "))
        text.appendHundredths(5)
        text.append(UInt8(ascii: " "))
        text.appendHex(0xBEEF, digits: 6)
        #expect(text.string == "007 0.05 00beef")
    }
}
