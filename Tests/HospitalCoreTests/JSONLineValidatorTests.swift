import Foundation
import Testing

@testable import HospitalCore

@Suite struct JSONLineValidatorTests {
    @Test(arguments: [
        "{}",
        " { } ",
        "{\"a\":1}",
        "{\"event_id\":\"x\",\"session\":null,\"ok\":true,\"no\":false}",
        "{\"n\":[0,-0,12,-3.25,1e5,1E+5,2.5e-3,-0.0e0]}",
        "{\"nested\":{\"a\":[[],{},[{\"b\":[1,[2,{\"c\":null}]]}]]}}",
        "{\"s\":\"quote \\\" slash \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\uD83D\\uDE00\"}",
        "{\"utf8\":\"é ü 中 😀 \u{10FFFF}\"}",
        "{\"tab\":\t1\r}",
        "{\"dup\":1,\"dup\":2}",
    ])
    func acceptsOneObject(_ text: String) {
        #expect(JSONLineValidator.isObject(Array(text.utf8)))
    }

    @Test(arguments: [
        "", " ", "[]", "\"text\"", "1", "null", "not json",
        "{", "}", "{\"a\":1", "{\"a\":1}}", "{\"a\":1}{}", "{\"a\":1} x", "{} {}",
        "{\"a\"}", "{\"a\":}", "{a:1}", "{'a':1}", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}",
        "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":[1 2]}", "{\"a\":[}",
        "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":0x1}", "{\"a\":NaN}",
        "{\"a\":tru}", "{\"a\":True}", "{\"a\":nul}", "{\"a\":falsey}",
        "{\"a\":\"unterminated}", "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}",
        "{\"a\":\"raw \t tab\"}", "{\"a\":1}\n", "{\n\"a\":1}", "\n{}",
    ])
    func rejectsAnythingElse(_ text: String) {
        #expect(!JSONLineValidator.isObject(Array(text.utf8)))
    }

    @Test(
        arguments: [
            [0xC0, 0xAF],  // overlong "/"
            [0xE0, 0x80, 0xAF],  // overlong
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
            [0xC3],  // truncated
            [0xFF],
            [0x80],  // a lone continuation byte
        ] as [[UInt8]])
    func rejectsInvalidUTF8InStrings(_ bad: [UInt8]) {
        let bytes = Array("{\"a\":\"x".utf8) + bad + Array("y\"}".utf8)
        #expect(!JSONLineValidator.isObject(bytes))
    }

    @Test func refusesNestingPastTheLimit() {
        let deep = { (depth: Int) in
            Array(("{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}").utf8)
        }
        #expect(JSONLineValidator.isObject(deep(JSONLineValidator.maxDepth - 1)))
        #expect(!JSONLineValidator.isObject(deep(JSONLineValidator.maxDepth)))
        #expect(!JSONLineValidator.isObject(deep(100_000)))
    }

    /// Agrees with Foundation's parser on every event the core encodes for a transport row.
    @Test func acceptsWhatTheEncoderWrites() throws {
        var text = ByteText()
        CSVRow.header(LakeColumns.transport, into: &text)
        text.append(
            "9a1b2c3d-0000-8000-8000-000000000001,9a1b2c3d-0000-8000-8000-000000000002,9a1b2c3d-0000-8000-8000-000000000003,"
                + "Zoë,\"O\"\"Neil\",Male,61,Chest pain,5,Critical,2022-11-20 07:05:00,Ambulance,Cardiology,,,,\"Aspirin, oxygen\",Ambulance\n"
        )
        let file = try #require(OutboxFile(name: "hospital_emergency_transport_2022-11-20_session_2.csv"))
        let event = try #require(try EventEncoder.events(file, bytes: text.bytes).first)
        #expect(JSONLineValidator.isObject(event.value))
        #expect((try JSONSerialization.jsonObject(with: Data(event.value))) is [String: Any])
    }

    /// A byte that needs attention is found wherever it sits in a long string, and the
    /// verdict matches JSONSerialization's.
    @Test func findsASpecialByteAtAnyOffsetOfALongString() throws {
        for offset in 0..<24 {
            for (insert, valid) in [("\u{01}", false), ("\\\"", true), ("é", true), ("\\u00e9", true), ("\"", false), ("\\x", false)] {
                var text = String(repeating: "a", count: 24)
                text.insert(contentsOf: insert, at: text.index(text.startIndex, offsetBy: offset))
                let line = Array(#"{"k":"\#(text)"}"#.utf8)
                #expect(JSONLineValidator.isObject(line) == valid, "\(offset) \(insert)")
                let parsed = (try? JSONSerialization.jsonObject(with: Data(line))) != nil
                #expect(parsed == valid, "JSONSerialization disagrees at \(offset) \(insert)")
            }
        }
    }
}
