import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake
import Testing

@testable import HospitalServices

@Suite struct StreamChunkTests {
    private let partition = TopicPartition(topic: "hospital.transport", partition: 3)

    private func chunk(in folder: String) -> StreamChunk {
        StreamChunk(folder: folder, partition: partition, buffer: [])
    }

    private func append(_ text: String, to chunk: StreamChunk, at offset: Int64 = 42) throws {
        try Array(text.utf8).withUnsafeBytes { try chunk.append($0, offset: offset) }
    }

    /// More events than one buffer holds reach the file whole and in order, as JSON Lines.
    @Test func landsEveryEventAsOneLineUnderTheChunksName() throws {
        let folder = TemporaryFolder.make("stream-chunk")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chunk = chunk(in: folder)
        let events = (0..<3_000).map { #"{"n":\#($0),"pad":"\#(String(repeating: "x", count: 300))"}"# }
        for event in events { try append(event, to: chunk) }
        #expect(try chunk.land())
        let landed = try String(contentsOfFile: folder + "/hospital.transport+3+0000000000000000042.json", encoding: .utf8)
        #expect(landed == events.joined(separator: "\n") + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
    }

    /// A re-delivery of the same offsets may replace its chunk; other events at a landed
    /// chunk's name may not.
    @Test func aLandedChunkIsReplacedOnlyByTheSameFirstEvent() throws {
        let folder = TemporaryFolder.make("stream-chunk")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = chunk(in: folder)
        try append(#"{"n":1}"#, to: first)
        #expect(try first.land())
        let again = chunk(in: folder)
        try append(#"{"n":1}"#, to: again)
        try append(#"{"n":2}"#, to: again)
        #expect(try again.land(), "the same offsets, cut later")
        let other = chunk(in: folder)
        try append(#"{"n":9}"#, to: other)
        #expect(throws: StreamChunk.Collision.self) { _ = try other.land() }
        let landed = try String(contentsOfFile: folder + "/hospital.transport+3+0000000000000000042.json", encoding: .utf8)
        #expect(landed == "{\"n\":1}\n{\"n\":2}\n")
    }

    /// A chunk dropped before landing (its partition was revoked) leaves nothing behind.
    @Test func aDroppedChunkLeavesNoFile() throws {
        let folder = TemporaryFolder.make("stream-chunk")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var chunk: StreamChunk? = chunk(in: folder)
        for _ in 0..<2_000 { try append(#"{"pad":"\#(String(repeating: "y", count: 400))"}"#, to: chunk!) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)  // spilled to its temporary file
        chunk = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// A run that begins with events landed already is named after its first kept event, so
    /// a re-delivery of landed offsets never meets the chunk that holds them.
    @Test func aChunkIsNamedAfterItsFirstKeptEvent() throws {
        let folder = TemporaryFolder.make("stream-chunk")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chunk = chunk(in: folder)
        chunk.skipped += 3
        try append(#"{"n":45}"#, to: chunk, at: 45)
        #expect(try chunk.land())
        #expect(chunk.start == 45)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["hospital.transport+3+0000000000000000045.json"])
    }

    @Test func aChunkWithoutEventsLandsNoFile() throws {
        let folder = TemporaryFolder.make("stream-chunk")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try chunk(in: folder).land() == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
