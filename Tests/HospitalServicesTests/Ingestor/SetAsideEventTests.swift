import Testing

@testable import HospitalServices

/// A set-aside line is read back into what was written, the event's bytes exactly.
@Suite struct SetAsideEventTests {
    let event = Array(#"{"event_id":"e1","notes":"a,\"event\":{} inside","n":1.50}"#.utf8)

    @Test func aLineReadsBackWithTheEventsOwnBytes() throws {
        let written = SetAsideEvent(line: 7, column: 3, reason: "'visit_id' x is not in visits", retry: true, event: event)
        let line = written.jsonLine(source: "stream/hospital.transport/hospital.transport+0+0000000000000000000.json")
        #expect(line.last == UInt8(ascii: "\n"))
        let read = try #require(SetAsideEvent(jsonLine: line.dropLast()))
        #expect(read == written)
    }

    /// The marker a byte scan looked for can stand in the reason too; the head is matched instead.
    @Test func aReasonQuotingTheEventMarkerDoesNotConfuseTheReader() throws {
        let written = SetAsideEvent(line: 2, column: 1, reason: #"bad ,"event":{"x":1} text"#, retry: true, event: event)
        let read = try #require(SetAsideEvent(jsonLine: written.jsonLine(source: "s").dropLast()))
        #expect(read.event == event)
    }

    @Test func anEventThatWasNotAJSONObjectStaysOut() throws {
        let written = SetAsideEvent(line: 4, column: 1, reason: "not a JSON object", retry: false, event: nil)
        let read = try #require(SetAsideEvent(jsonLine: written.jsonLine(source: "s").dropLast()))
        #expect(read.event == nil && read.retry == false)
        #expect(SetAsideEvent(jsonLine: Array("not json".utf8)) == nil)
    }
}
