import Foundation

/// One Kafka event of the outbox: its key, its JSON value and its id.
public struct OutboxEvent: Sendable, Equatable {
    public let id: DeterministicUUID
    public let key: [UInt8]
    public let value: [UInt8]
}

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

    public static func events(_ file: OutboxFile, bytes: [UInt8]) throws(CSVReader.Failure) -> [OutboxEvent] {
        guard let columns = file.kind.columns else { return [try summaryEvent(file, bytes: bytes)] }
        let table = try CSVReader.parse(bytes, expecting: columns)
        let idColumn = 0
        let keyColumn = columns.firstIndex(of: "patient_id")!
        let isInteger = columns.map(integerColumns.contains)  // once per file, not per cell
        var events: [OutboxEvent] = []
        events.reserveCapacity(table.rows.count)
        for (row, fields) in table.rows.enumerated() {
            guard let rowID = DeterministicUUID(parsing: fields[idColumn]) else {
                throw CSVReader.Failure(line: table.lines[row], column: idColumn + 1, reason: "'\(columns[idColumn])' is not a UUID")
            }
            let id = eventID(file.kind, rowID.high, rowID.low)
            var json = envelope(file, id: id)
            for (index, column) in columns.enumerated() {
                json.key(column)
                let value = fields[index]
                if value.isEmpty {
                    json.null()
                } else if isInteger[index] {
                    guard let number = Int(value) else {
                        throw CSVReader.Failure(
                            line: table.lines[row], column: index + 1, reason: "'\(column)' is not an integer: '\(value)'")
                    }
                    json.int(number)
                } else {
                    json.string(value)
                }
            }
            json.endObject()
            events.append(OutboxEvent(id: id, key: Array(fields[keyColumn].utf8), value: json.bytes))
        }
        return events
    }

    /// The day's summary as one event keyed by its date, the file's object kept verbatim under `summary`.
    static func summaryEvent(_ file: OutboxFile, bytes: [UInt8]) throws(CSVReader.Failure) -> OutboxEvent {
        var body = bytes
        while let last = body.last, last == UInt8(ascii: "\n") { body.removeLast() }
        guard !body.isEmpty else { throw CSVReader.Failure(line: 1, column: 1, reason: "empty file") }
        guard (try? JSONSerialization.jsonObject(with: Data(body))) is [String: Any] else {
            throw CSVReader.Failure(line: 1, column: 1, reason: "not a JSON object")
        }
        let id = eventID(file.kind, UInt64(bitPattern: Int64(file.date.dayNumber)), 0)
        var json = envelope(file, id: id)
        json.key("summary")
        json.raw(body)
        json.endObject()
        return OutboxEvent(id: id, key: Array(file.date.description.utf8), value: json.bytes)
    }

    private static func envelope(_ file: OutboxFile, id: DeterministicUUID) -> JSONText {
        var json = JSONText()
        json.beginObject()
        json.key("event_id")
        json.string(id.description)
        json.member("event_type", file.kind.rawValue)
        json.member("sim_date", file.date.description)
        json.key("session")
        if let session = file.session { json.int(session) } else { json.null() }
        json.member("schema_version", schemaVersion)
        return json
    }

    /// Derived from the row's own seeded id, so the producer needs no seed and a file
    /// published twice gives the same event ids.
    static func eventID(_ kind: OutboxFile.Kind, _ high: UInt64, _ low: UInt64) -> DeterministicUUID {
        var rng = SplitMix64(seed: SplitMix64.mix(high ^ kind.salt) ^ low)
        return DeterministicUUID(high: rng.next(), low: rng.next())
    }
}
