import Foundation

/// Turns an outbox file into its events (DESIGN §6): one JSON object per row, the envelope
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

    /// The same into `events`, replacing what it held and reusing its memory.
    public static func encode(_ file: OutboxFile, bytes: [UInt8], into events: inout OutboxEvents) throws(CSVReader.Failure) {
        guard let columns = file.kind.columns else { return try summaryEvent(file, bytes: bytes, into: &events) }
        let idColumn = 0
        let keyColumn = columns.firstIndex(of: "patient_id")!
        // Once per file, not per cell: which columns are numbers, and each member's `,"name":`.
        let isInteger = columns.map(integerColumns.contains)
        let names = columns.map(memberName)
        let tail = envelopeTail(file)
        events.removeAll(reservingEvents: bytes.count / 128, bytes: bytes.count * 3)
        try CSVReader.scan(bytes, expecting: columns) { record throws(CSVReader.Failure) in
            guard let rowID = record.withUTF8(idColumn, DeterministicUUID.init(utf8:)) else {
                throw CSVReader.Failure(line: record.line, column: idColumn + 1, reason: "'\(columns[idColumn])' is not a UUID")
            }
            let id = eventID(file.kind, rowID.high, rowID.low)
            try record.withUTF8(keyColumn) { key throws(CSVReader.Failure) in
                try events.append(id: id, key: key) { text throws(CSVReader.Failure) in
                    beginEnvelope(id, tail, into: &text)
                    for column in columns.indices {
                        text.append(bytes: names[column])
                        try record.withUTF8(column) { value throws(CSVReader.Failure) in
                            if value.isEmpty {
                                text.append(bytes: null)
                            } else if isInteger[column], isCanonicalInteger(value) {
                                text.append(utf8: value)  // already the number's JSON form
                            } else if isInteger[column] {
                                guard let number = Int(String(decoding: value, as: UTF8.self)) else {
                                    throw CSVReader.Failure(
                                        line: record.line, column: column + 1,
                                        reason: "'\(columns[column])' is not an integer: '\(String(decoding: value, as: UTF8.self))'")
                                }
                                text.append(number)
                            } else {
                                JSONText.appendString(utf8: value, into: &text)
                            }
                        }
                    }
                    text.append(UInt8(ascii: "}"))
                }
            }
        }
    }

    /// The day's summary as one event keyed by its date, the file's object kept verbatim under `summary`.
    static func summaryEvent(_ file: OutboxFile, bytes: [UInt8], into events: inout OutboxEvents) throws(CSVReader.Failure) {
        var body = bytes
        while let last = body.last, last == UInt8(ascii: "\n") { body.removeLast() }
        guard !body.isEmpty else { throw CSVReader.Failure(line: 1, column: 1, reason: "empty file") }
        guard (try? JSONSerialization.jsonObject(with: Data(body))) is [String: Any] else {
            throw CSVReader.Failure(line: 1, column: 1, reason: "not a JSON object")
        }
        let id = eventID(file.kind, UInt64(bitPattern: Int64(file.date.dayNumber)), 0)
        events.removeAll(reservingEvents: 1, bytes: body.count + 256)
        try Array(file.date.description.utf8).withUnsafeBufferPointer { key throws(CSVReader.Failure) in
            try events.append(id: id, key: key) { text in
                beginEnvelope(id, envelopeTail(file), into: &text)
                text.append(bytes: memberName("summary"))
                text.append(bytes: body)
                text.append(UInt8(ascii: "}"))
            }
        }
    }

    private static let null = Array("null".utf8)
    private static let eventIDMember = Array(#"{"event_id":""#.utf8)

    /// Digits with no sign and no leading zero, few enough for an Int: written as they are,
    /// they are what parsing and printing the number would write.
    private static func isCanonicalInteger(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count <= 18, let first = text.first else { return false }
        return (first != UInt8(ascii: "0") || text.count == 1) && text.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `{"event_id":"<id>` and the rest of the envelope, which every event of the file shares.
    private static func beginEnvelope(_ id: DeterministicUUID, _ tail: [UInt8], into text: inout ByteText) {
        text.append(bytes: eventIDMember)
        text.appendUUID(id)
        text.append(bytes: tail)
    }

    /// `","event_type":…,"schema_version":1`: the envelope after the event id's digits.
    private static func envelopeTail(_ file: OutboxFile) -> [UInt8] {
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
    private static func memberName(_ name: String) -> [UInt8] {
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
