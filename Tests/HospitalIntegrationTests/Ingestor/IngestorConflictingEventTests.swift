import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Testing

/// Events are delivered at least once, so one found again is skipped; but an event told
/// again with other content, or a new event reusing another's identity (its `transport_id`),
/// is no re-delivery: it is set aside with both versions' digests, never dropped in silence,
/// and the chunk's ledger row counts only the events it added.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorConflictingEventTests {
    typealias F = WarehouseFixture

    @Test func aConflictingEventIsSetAsideAndAnExactRedeliveryIsSilent() async throws {
        let layout = try F.lake(days: 1)
        let topic = F.config.kafka.topics.transport
        let folder = layout.stream + "/" + topic
        let chunk = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first)
        let events = try LakeEntry.read(folder + "/" + chunk).split(separator: UInt8(ascii: "\n")).map {
            String(decoding: $0, as: UTF8.self)
        }
        try #require(events.count >= 3)
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        while try ingestor.drainOnce().loaded > 0 {}
        let before = try F.count(connection, "emergency_transport.transports")

        // A later chunk: event 1 again as it was, event 2 with other notes, and a new event
        // that reuses event 3's transport_id.
        let changed = try edit(events[1], field: "notes") { _ in "told differently" }
        let reused = try edit(events[2], field: "event_id") { _ in "00000000-0000-4000-8000-000000000001" }
        let name = StreamLander.fileName(.init(topic: topic, partition: 1), start: 0)
        try LakeFile.write(Array(([events[0], changed, reused].joined(separator: "\n") + "\n").utf8), to: folder + "/" + name)
        while try ingestor.drainOnce().loaded > 0 {}

        #expect(try F.count(connection, "emergency_transport.transports") == before)
        #expect(try connection.execute("SELECT rows FROM ingest.files WHERE file_name = $1", [name]).firstValue == "0")
        let setAside = try LakeEntry.read(layout.failed + "/" + name.replacingOccurrences(of: ".json", with: ".set-aside.jsonl"))
        let reasons = String(decoding: setAside, as: UTF8.self).split(separator: "\n")
        #expect(reasons.count == 2, "\(reasons)")
        #expect(reasons.first?.contains("\"line\":2") == true && reasons.first?.contains("'event_id'") == true)
        #expect(reasons.last?.contains("\"line\":3") == true && reasons.last?.contains("'transport_id'") == true)
        #expect(reasons.allSatisfy { $0.contains("in the warehouse already with other content (stored row SHA-256 ") })
        #expect(try F.count(connection, "emergency_transport.transports WHERE notes = 'told differently'") == 0)
    }

    /// `event` with the string field `field` rewritten.
    private func edit(_ event: String, field: String, _ change: (String) -> String) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [String: Any])
        object[field] = change(object[field] as? String ?? "")
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
