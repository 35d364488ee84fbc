import Foundation
import HospitalTestSupport
import Testing

@testable import HospitalCore

@Suite struct EventEncoderTests {
    @Test func recognisesOnlyOutboxNames() {
        #expect(OutboxFile(name: "hospital_emergency_transport_2022-11-20_session_3.csv")?.session == 3)
        #expect(OutboxFile(name: "hospital_transfers_2022-11-20_session_1.csv")?.kind == .transfers)
        #expect(OutboxFile(name: "daily_summary_2022-11-20.json")?.kind == .dailySummary)
        for other in [
            "admissions_2022-11-20.csv", "hospital_emergency_transport_2022-11-20_session_3.txt",
            "hospital_transfers_2022-13-20_session_1.csv", "daily_summary_2022-11-20.json.tmp",
        ] {
            #expect(OutboxFile(name: other) == nil, "\(other)")
        }
    }

    /// Pins the event bytes of one transport row (the envelope, key order, numbers and nulls).
    @Test func encodesARowWithTheEnvelopeFirst() throws {
        var text = ByteText()
        CSVRow.header(LakeColumns.transport, into: &text)
        text.append(
            "9a1b2c3d-0000-8000-8000-000000000001,9a1b2c3d-0000-8000-8000-000000000002,9a1b2c3d-0000-8000-8000-000000000003,"
                + "Thabo,Nkosi,Male,61,Chest pain,5,Critical,2022-11-20 07:05:00,Ambulance,Cardiology,,,,\"Aspirin, oxygen\",Ambulance\n")
        let file = try #require(OutboxFile(name: "hospital_emergency_transport_2022-11-20_session_2.csv"))
        let events = try EventEncoder.events(file, bytes: text.bytes)
        #expect(events.count == 1)
        let json = String(decoding: events[0].value, as: UTF8.self)
        #expect(
            json.hasPrefix(
                "{\"event_id\":\"\(events[0].id)\",\"event_type\":\"emergency_transport\",\"sim_date\":\"2022-11-20\",\"session\":2,\"schema_version\":1,\"transport_id\":\"9a1b2c3d-0000-8000-8000-000000000001\""
            ))
        #expect(json.contains("\"Age\":61,\"condition\":\"Chest pain\",\"severity\":5,"))
        #expect(json.contains("\"attending_paramedic_id\":null,"))
        #expect(json.hasSuffix("\"emt_remedy\":\"Aspirin, oxygen\",\"notes\":\"Ambulance\"}"))
        #expect(String(decoding: events[0].key, as: UTF8.self) == "9a1b2c3d-0000-8000-8000-000000000003")
        #expect(try EventEncoder.events(file, bytes: text.bytes) == events)
        let parsed = try JSONSerialization.jsonObject(with: Data(events[0].value)) as? [String: Any]
        #expect(parsed?["severity"] as? Int == 5)
    }

    /// Cells JSON must escape (a backslash, a tab, a quote, a line break in quotes) come out
    /// holding the cell's exact text; plain cells around them are copied as they are.
    @Test func cellsThatNeedEscapingKeepTheirText() throws {
        let cells = [
            "First_Name": #"C:\ward\7"#, "Surname": "tab\there", "Gender": "say \"hi\"", "condition": "two\nlines",
            "department": "Zoë", "notes": "plain",
        ]
        var text = ByteText()
        CSVRow.header(LakeColumns.transport, into: &text)
        var row = CSVRow()
        for (index, column) in LakeColumns.transport.enumerated() {
            let filler =
                index < 3 ? "9a1b2c3d-0000-8000-8000-00000000000\(index)" : EventEncoder.integerColumns.contains(column) ? "1" : "x"
            row.field(cells[column] ?? filler, into: &text)
        }
        row.end(into: &text)
        let file = try #require(OutboxFile(name: "hospital_emergency_transport_2022-11-20_session_2.csv"))
        let event = try #require(try EventEncoder.events(file, bytes: text.bytes).first)
        #expect(JSONLineValidator.isObject(event.value))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(event.value)) as? [String: Any])
        for (column, cell) in cells {
            #expect(parsed[column] as? String == cell, "\(column)")
        }
        #expect(String(decoding: event.value, as: UTF8.self).contains(#""First_Name":"C:\\ward\\7","Surname":"tab\there""#))
    }

    @Test func everyRowOfAGeneratedDayBecomesOneEvent() throws {
        let world = try TestWorld.world(seed: 8, days: 2)
        var engine = DayEngine(world: world)
        _ = engine.run(world.calendar.start)
        let day = engine.run(world.calendar.end)
        let csv = VisitCSV(world: world).transports(day.transports)
        let file = try #require(OutboxFile(name: LakeFileName.transport(day.date, session: 1).name))
        let events = try EventEncoder.events(file, bytes: csv)
        #expect(events.count == day.transports.count)
        #expect(Set(events.map(\.id)).count == events.count)
        let summary = DayReports(world: world, capacity: engine.capacity).summaryJSON(day)
        let summaryEvent = try EventEncoder.events(try #require(OutboxFile(name: LakeFileName.dailySummary(day.date).name)), bytes: summary)
        #expect(String(decoding: summaryEvent[0].key, as: UTF8.self) == day.date.description)
        #expect(String(decoding: summaryEvent[0].value, as: UTF8.self).contains("\"summary\":{\"summary_date\":\"\(day.date)\""))
    }

    @Test func aBadRowIsNamed() throws {
        var text = ByteText()
        CSVRow.header(LakeColumns.transfers, into: &text)
        text.append("not-a-uuid" + String(repeating: ",x", count: LakeColumns.transfers.count - 1) + "\n")
        let file = try #require(OutboxFile(name: "hospital_transfers_2022-11-20_session_1.csv"))
        #expect(throws: CSVReader.Failure(line: 2, column: 1, reason: "'transfer_id' is not a UUID")) {
            try EventEncoder.events(file, bytes: text.bytes)
        }
    }

    /// A producer refills one collection file after file; what it holds is the new file's
    /// events alone, the same as a fresh encoding.
    @Test func reencodingIntoAUsedCollectionForgetsTheOldFile() throws {
        let world = try TestWorld.world(seed: 8, days: 2)
        var engine = DayEngine(world: world)
        let day = engine.run(world.calendar.start)
        let first = try #require(OutboxFile(name: LakeFileName.transport(day.date, session: 1).name))
        let summary = try #require(OutboxFile(name: LakeFileName.dailySummary(day.date).name))
        let csv = VisitCSV(world: world).transports(day.transports)
        let json = DayReports(world: world, capacity: engine.capacity).summaryJSON(day)
        var reused = try EventEncoder.events(first, bytes: csv)
        try EventEncoder.encode(summary, bytes: json, into: &reused)
        #expect(reused == (try EventEncoder.events(summary, bytes: json)))
        try EventEncoder.encode(first, bytes: csv, into: &reused)
        #expect(reused == (try EventEncoder.events(first, bytes: csv)))
        #expect(reused.count == day.transports.count)
    }
}

/// What the producer refuses before publishing, each with the line and column that show it.
@Suite struct OutboxRefusalTests {
    let summary = OutboxFile(name: "daily_summary_2022-11-20.json")!

    @Test func aPrettyPrintedSummaryIsRefusedAtItsFirstLineBreak() throws {
        let bytes = Array("{\n  \"date\": \"2022-11-20\"\n}\n".utf8)
        let failure = try #require(throws: CSVReader.Failure.self) { try EventEncoder.events(summary, bytes: bytes) }
        #expect(failure.line == 1 && failure.column == 2)
        #expect(failure.reason.contains("pretty-printed JSON is not published"))
    }

    @Test func aByteOrderMarkIsNamedInTheReason() throws {
        let transport = try #require(OutboxFile(name: "hospital_emergency_transport_2022-11-20_session_1.csv"))
        let csv = [0xEF, 0xBB, 0xBF] + Array((LakeColumns.transport.joined(separator: ",") + "\n").utf8)
        let json = [0xEF, 0xBB, 0xBF] + Array("{\"date\":\"2022-11-20\"}\n".utf8)
        for (file, bytes) in [(transport, csv), (summary, json)] {
            let failure = try #require(throws: CSVReader.Failure.self) { try EventEncoder.events(file, bytes: bytes) }
            #expect(
                failure.description
                    == "line 1, column 1: U+FEFF byte-order mark at the start of the file: lake files are UTF-8 without one",
                "\(file.name)")
        }
        #expect(EscapedText.of("\u{FEFF}transport_id") == "\\u{feff}transport_id")
    }

    @Test func anEventLargerThanTheBrokerTakesIsRefusedAtItsRow() throws {
        var text = ByteText()
        CSVRow.header(LakeColumns.transport, into: &text)
        for (index, notes) in ["short", String(repeating: "n", count: 2_000)].enumerated() {
            text.append(
                "9a1b2c3d-0000-8000-8000-00000000000\(index),9a1b2c3d-0000-8000-8000-000000000002,9a1b2c3d-0000-8000-8000-000000000003,"
                    + "Thabo,Nkosi,Male,61,Chest pain,5,Critical,2022-11-20 07:05:00,Ambulance,Cardiology,,,,Aspirin,\(notes)\n")
        }
        let file = try #require(OutboxFile(name: "hospital_emergency_transport_2022-11-20_session_2.csv"))
        var events = OutboxEvents()
        try EventEncoder.encode(file, bytes: text.bytes, into: &events)
        #expect(events.count == 2)
        let failure = try #require(throws: CSVReader.Failure.self) {
            try EventEncoder.encode(file, bytes: text.bytes, into: &events, maxEventBytes: 1_500)
        }
        #expect(failure.line == 3)
        #expect(failure.reason.contains("larger than the 1500 bytes a message may carry (message.max.bytes)"))
        #expect(throws: CSVReader.Failure.self) {
            try EventEncoder.encode(summary, bytes: Array("{\"a\":1}\n".utf8), into: &events, maxEventBytes: 100)
        }
    }
}
