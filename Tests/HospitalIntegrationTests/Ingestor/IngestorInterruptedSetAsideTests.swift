import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Testing

/// A chunk's set-aside file is written before the transaction that records the chunk; a
/// session lost in between leaves the file with its chunk unrecorded. The next attempt at
/// the chunk must drop it, not load it as well (seen once in IngestorReconnectTests).
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorInterruptedSetAsideTests {
    typealias F = WarehouseFixture

    @Test func aSetAsideFileAnInterruptedLoadLeftIsDroppedWhenItsChunkLoads() async throws {
        let layout = try F.lake(days: 1)
        let topic = F.config.kafka.topics.transport
        let chunk = try #require(try FileManager.default.contentsOfDirectory(atPath: layout.stream + "/" + topic).sorted().first)
        let events = try LakeEntry.read(layout.stream + "/" + topic + "/" + chunk).split(separator: UInt8(ascii: "\n"))
        #expect(!events.isEmpty)
        // What the interrupted attempt wrote: every event set aside for a missing parent.
        var text: [UInt8] = []
        for (index, event) in events.enumerated() {
            text += Array(
                "{\"file\":\"stream/\(topic)/\(chunk)\",\"line\":\(index + 1),\"column\":1,\"reason\":\"'visit_id' is not in visits\",\"retry\":true,\"event\":"
                    .utf8)
            text += event + Array("}\n".utf8)
        }
        let name = chunk.replacingOccurrences(of: ".json", with: ".set-aside.jsonl")
        try FileManager.default.createDirectory(atPath: layout.failed, withIntermediateDirectories: true)
        try LakeFile.write(text, rows: events.count, to: layout.failed + "/" + name)

        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        while try ingestor.drainOnce().loaded > 0 {}
        let ledger = try connection.execute("SELECT file_name FROM ingest.files WHERE file_name LIKE '%set-aside%'").rows
        #expect(ledger.isEmpty, "the stale set-aside file was loaded besides its chunk: \(ledger)")
        #expect(try F.count(connection, "ingest.files WHERE file_name = '\(chunk)'") == 1)
        #expect(
            try F.count(connection, "emergency_transport.transports") == F.csvRows(layout, prefix: "hospital_emergency_transport_").count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed).isEmpty)
    }
}
