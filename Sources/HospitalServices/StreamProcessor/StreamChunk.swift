import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake

/// One partition's chunk on its way into stream/: its events stream through a 128 KiB buffer
/// into a temporary file, which becomes `<topic>+<partition>+<start>.json` (fsync, rename)
/// only when the chunk is landed. Landing a chunk then costs an fsync, not a write of the
/// whole chunk, and no chunk is ever held in memory whole. Each spill starts its own
/// writeback, so the disk works while the partition waits for its idle cut: the tail of a
/// burst, a dozen 4 MB chunks, used to land one fsync of about 4 ms after another, and now
/// lands in about 1 ms a chunk. A chunk dropped unlanded (its partition was revoked) takes
/// its temporary file with it.
///
/// A run of offsets may begin with events the partition landed already (a republished
/// file): they are skipped, and the chunk is named after its first kept event, so a
/// re-delivery of landed offsets never takes the name of the chunk that holds them.
final class StreamChunk {
    /// Bytes gathered before they go to the file.
    static let bufferBytes = 1 << 17

    let folder: String
    let partition: TopicPartition
    /// The offset of its first event, which names its file; nil while it holds none.
    private(set) var start: Int64?
    private(set) var count = 0
    /// Events of the run skipped because the partition landed them already.
    var skipped = 0
    private(set) var buffer: [UInt8]
    /// Its file's path, known once it holds an event.
    private(set) var path = ""
    private var file: LakeFile?
    /// The chunk's first event, to tell a re-delivery of the same offsets (same first event:
    /// the file may be replaced) from a broker whose offsets went back (another event).
    private var firstLine: [UInt8] = []

    /// A landed chunk at this name starts with another event.
    struct Collision: Error {
        let path: String
        /// The offset the refused chunk starts at.
        let start: Int64
    }

    /// `buffer` is an empty one to reuse (its capacity is what counts).
    init(folder: String, partition: TopicPartition, buffer: [UInt8]) {
        self.folder = folder
        self.partition = partition
        self.buffer = buffer
        self.buffer.reserveCapacity(Self.bufferBytes)
    }

    /// Adds the event at `offset` as a line.
    func append(_ event: UnsafeRawBufferPointer, offset: Int64) throws {
        if count == 0 {
            start = offset
            path = folder + "/" + StreamLander.fileName(partition, start: offset)
            firstLine = Array(event) + [UInt8(ascii: "\n")]
        }
        buffer.append(contentsOf: event)
        buffer.append(UInt8(ascii: "\n"))
        count += 1
        if buffer.count >= Self.bufferBytes { try spill() }
    }

    /// Makes the chunk durable under its name; false when it holds no event, and no file is made.
    /// Throws `Collision`, and replaces nothing, when the file at its name holds other events.
    func land() throws -> Bool {
        guard count > 0, let start else { return false }
        try spill()
        if collides() { throw Collision(path: path, start: start) }
        try file?.commit()
        return true
    }

    /// Makes the chunk durable at `target` instead of its own name.
    func divert(to target: String) throws {
        try spill()
        try file?.commit(to: target)
    }

    /// A landed chunk of this name that does not begin with this chunk's first event.
    private func collides() -> Bool {
        LakeEntry.kind(path) == .regular && !LakeEntry.starts(path, with: firstLine)
    }

    private func spill() throws {
        guard !buffer.isEmpty else { return }
        if file == nil { file = try LakeFile(path: path, hashing: false) }
        try file?.write(buffer)
        file?.startWriteback()
        buffer.removeAll(keepingCapacity: true)
    }
}
