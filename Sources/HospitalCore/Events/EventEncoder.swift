import Foundation

/// Turns an outbox file into its events (docs/lake.md §Envelope): one JSON object per row, the envelope
/// first (`event_id`, `event_type`, `sim_date`, `session`, `schema_version`), then the
/// row's columns in file order, numbers as numbers and empty cells as null. The bytes are
/// the core's, so a landed event can be compared with what the file implies.
public enum EventEncoder {
    public static let schemaVersion = 1

    /// Columns whose values are integers in the events (and in the warehouse).
    public static let integerColumns: Set<String> = [
        "Age", "severity", "session", "triage_minutes", "length_of_stay_days",
    ]

    public static func events(_ file: OutboxFile, bytes: [UInt8]) throws(CSVReader.Failure) -> OutboxEvents {
        var events = OutboxEvents()
        try encode(file, bytes: bytes, into: &events)
        return events
    }

    /// The same into `events`, replacing what it held and reusing its memory. An event whose
    /// key and value together pass `maxEventBytes` is refused at its row: the broker would
    /// refuse it, or hold it and lose it (docs/architecture.md §Producer).
    public static func encode(
        _ file: OutboxFile, bytes: [UInt8], into events: inout OutboxEvents, maxEventBytes: Int = .max
    ) throws(CSVReader.Failure) {
        guard let columns = file.kind.columns else {
            try summaryEvent(file, bytes: bytes, into: &events)
            try check(events.lastEventBytes, line: 1, limit: maxEventBytes)
            return
        }
        let keyColumn = columns.firstIndex(of: "patient_id")!
        let shared = EventTemplate(file, columns: columns)
        events.removeAll(reservingEvents: bytes.count / 128, bytes: bytes.count * 3)
        try shared.bytes.withUnsafeBufferPointer { template throws(CSVReader.Failure) in
            try bytes.withUnsafeBufferPointer { text throws(CSVReader.Failure) in
                let rows = RowEventWriter(shared, template: template, file: text)
                try CSVReader.scan(bytes, expecting: columns) { record throws(CSVReader.Failure) in
                    guard let rowID = record.withUTF8(0, DeterministicUUID.init(utf8:)) else {
                        throw CSVReader.Failure(line: record.line, column: 1, reason: "'\(columns[0])' is not a UUID")
                    }
                    let id = eventID(file.kind, rowID.high, rowID.low)
                    try record.withUTF8(keyColumn) { key throws(CSVReader.Failure) in
                        try events.append(id: id, key: key, maxValueBytes: rows.maxBytes(record)) { out throws(CSVReader.Failure) in
                            try rows.write(record, id: id, into: &out)
                        }
                        try check(events.lastEventBytes, line: record.line, limit: maxEventBytes)
                    }
                }
            }
        }
    }

    private static func check(_ size: Int, line: Int, limit: Int) throws(CSVReader.Failure) {
        guard size > limit else { return }
        throw CSVReader.Failure(
            line: line, column: 1,
            reason: "its event of \(size) bytes is larger than the \(limit) bytes a message may carry (message.max.bytes)")
    }

    /// The day's summary as one event keyed by its date, the file's object kept verbatim under
    /// `summary`. The object must be one line: an event is one line of stream/, so a
    /// pretty-printed summary is refused here, at the line break, rather than downstream.
    static func summaryEvent(_ file: OutboxFile, bytes: [UInt8], into events: inout OutboxEvents) throws(CSVReader.Failure) {
        var body = bytes
        while let last = body.last, last == UInt8(ascii: "\n") { body.removeLast() }
        guard !body.isEmpty else { throw CSVReader.Failure(line: 1, column: 1, reason: "empty file") }
        try CSVReader.refuseByteOrderMark(body)
        if let lineBreak = body.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            throw CSVReader.Failure(
                line: 1, column: lineBreak + 1,
                reason: "line break inside the summary: a daily summary is one line of JSON, and pretty-printed JSON is not published")
        }
        guard (try? JSONSerialization.jsonObject(with: Data(body))) is [String: Any] else {
            throw CSVReader.Failure(line: 1, column: 1, reason: "not a JSON object")
        }
        let id = eventID(file.kind, UInt64(bitPattern: Int64(file.date.dayNumber)), 0)
        events.removeAll(reservingEvents: 1, bytes: body.count + 512)
        let tail = envelopeTail(file) + memberName("summary")
        try Array(file.date.description.utf8).withUnsafeBufferPointer { key throws(CSVReader.Failure) in
            try events.append(id: id, key: key, maxValueBytes: eventIDMember.count + 36 + tail.count + body.count + 1) { out in
                out.write(eventIDMember)
                out.writeUUID(id)
                out.write(tail)
                out.write(body)
                out.write(UInt8(ascii: "}"))
            }
        }
    }

    /// `{"event_id":"`, every event's start.
    static let eventIDMember = Array(#"{"event_id":""#.utf8)

    /// `","event_type":…,"schema_version":1`: the envelope after the event id's digits.
    static func envelopeTail(_ file: OutboxFile) -> [UInt8] {
        var text = ByteText()
        text.append(UInt8(ascii: "\""))
        text.append(bytes: memberName("event_type"))
        JSONText.appendString(file.kind.rawValue, into: &text)
        text.append(bytes: memberName("sim_date"))
        JSONText.appendString(file.date.description, into: &text)
        text.append(bytes: memberName("session"))
        if let session = file.session { text.append(session) } else { text.append("null") }
        text.append(bytes: memberName("schema_version"))
        text.append(schemaVersion)
        return text.bytes
    }

    /// `,"name":`, a member's start after an earlier member.
    static func memberName(_ name: String) -> [UInt8] {
        var text = ByteText()
        text.append(UInt8(ascii: ","))
        JSONText.appendString(name, into: &text)
        text.append(UInt8(ascii: ":"))
        return text.bytes
    }

    /// Derived from the row's own seeded id, so the producer needs no seed and a file
    /// published twice gives the same event ids.
    static func eventID(_ kind: OutboxFile.Kind, _ high: UInt64, _ low: UInt64) -> DeterministicUUID {
        var rng = SplitMix64(seed: SplitMix64.mix(high ^ kind.salt) ^ low)
        return DeterministicUUID(high: rng.next(), low: rng.next())
    }
}
