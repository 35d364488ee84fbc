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

    /// The writer the event encoder uses: each form in the room it says it needs.
    @Test func byteWriterWritesWithinItsRoom() {
        var text = ByteText()
        text.append(-9_223_372_036_854_775_807 - 1)
        text.append(UInt8(ascii: " "))
        text.append(UInt64.max, width: 1)
        text.append(UInt8(ascii: " "))
        text.append(42, width: 25)
        #expect(text.string == "-9223372036854775808 18446744073709551615 0000000000000000000000042")
        var json = ByteText()
        let controls: [UInt8] = [0x01, 0x1F, 0x09, 0x5C]
        controls.withUnsafeBufferPointer { JSONText.appendString(utf8: $0, into: &json) }
        #expect(json.string == #""\u0001\u001f\t\\""#)
    }

    @Test func writingPastTheReservedRoomTraps() async {
        await #expect(processExitsWith: .failure) {
            var text = ByteText()
            text.write(atMost: 2) { out in
                for byte in "abc".utf8 { out.write(byte) }
            }
        }
    }
}
