import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import Testing

@testable import HospitalServices

/// The ids a partition landed, read back from its files, decide which events are repeats.
@Suite struct LandedEventsTests {
    private let partition = TopicPartition(topic: "hospital.transport", partition: 1)

    private func event(_ id: String, _ body: String = "") -> [UInt8] {
        Array(#"{"event_id":"\#(id)","event_type":"emergency_transport"\#(body)}"#.utf8)
    }

    private let idA = "0f6c2d1e-9a7b-8c3d-9e4f-a1b2c3d4e5f6"
    private let idB = "1f6c2d1e-9a7b-8c3d-9e4f-a1b2c3d4e5f6"

    @Test func anIDReadsBackAsTheUUIDItPrints() throws {
        let id = DeterministicUUID(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210)
        #expect(DeterministicUUID(text: Array(id.description.utf8)) == id)
        #expect(DeterministicUUID(text: Array(id.description.uppercased().utf8)) == id)
        #expect(DeterministicUUID(text: Array(id.description.dropLast().utf8)) == nil)
        #expect(DeterministicUUID(text: Array(id.description.replacingOccurrences(of: "-", with: "x").utf8)) == nil)
        #expect(DeterministicUUID(text: Array(("g" + id.description.dropFirst()).utf8)) == nil)
    }

    @Test func theEventIDIsReadOnlyFromTheEncodersShape() {
        #expect(event(idA).withUnsafeBytes { EventEncoder.eventID(of: $0) }?.description == idA)
        let moved = Array(#"{"event_type":"x","event_id":"\#(idA)"}"#.utf8)
        #expect(moved.withUnsafeBytes { EventEncoder.eventID(of: $0) } == nil)
        let unterminated = Array(#"{"event_id":"\#(idA)x"}"#.utf8)
        #expect(unterminated.withUnsafeBytes { EventEncoder.eventID(of: $0) } == nil)
    }

    @Test func aRepeatInThePartitionIsRefusedOnceLanded() {
        var landed = LandedEvents()
        #expect(event(idA).withUnsafeBytes { landed.insert($0, in: partition) })
        #expect(!event(idA, #","n":2"#).withUnsafeBytes { landed.insert($0, in: partition) }, "the same id, whatever follows")
        #expect(event(idB).withUnsafeBytes { landed.insert($0, in: partition) })
        let other = TopicPartition(topic: "hospital.transport", partition: 2)
        #expect(event(idA).withUnsafeBytes { landed.insert($0, in: other) }, "each partition keeps its own ids")
        let noID = Array(#"{"n":1}"#.utf8)
        #expect(noID.withUnsafeBytes { landed.insert($0, in: partition) })
        #expect(noID.withUnsafeBytes { landed.insert($0, in: partition) }, "an event without an id is never taken for a repeat")
    }

    /// Only the partition's landed chunks count: not its temporary files, not other partitions.
    @Test func anAssignedPartitionReadsItsLandedChunks() throws {
        let root = TemporaryFolder.make("landed-events")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/hospital.transport"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lines = (event(idA) + [10] + event(idB) + [10])
        try Data(lines).write(to: URL(fileURLWithPath: folder + "/" + StreamLander.fileName(partition, start: 0)))
        let idC = "2f6c2d1e-9a7b-8c3d-9e4f-a1b2c3d4e5f6"
        try Data(event(idC)).write(to: URL(fileURLWithPath: folder + "/" + StreamLander.fileName(partition, start: 2) + ".tmp"))
        let idD = "3f6c2d1e-9a7b-8c3d-9e4f-a1b2c3d4e5f6"
        let neighbour = TopicPartition(topic: "hospital.transport", partition: 11)
        try Data(event(idD)).write(to: URL(fileURLWithPath: folder + "/" + StreamLander.fileName(neighbour, start: 0)))

        var landed = LandedEvents()
        try landed.assign([partition], stream: root)
        #expect(landed.count(in: partition) == 2)
        #expect(!event(idB).withUnsafeBytes { landed.insert($0, in: partition) })
        #expect(event(idC).withUnsafeBytes { landed.insert($0, in: partition) }, "a .tmp file is not landed")
        #expect(event(idD).withUnsafeBytes { landed.insert($0, in: partition) }, "partition 11 is not partition 1")
        try landed.assign([], stream: root)
        #expect(landed.count(in: partition) == 0, "a revoked partition is forgotten")
    }
}
