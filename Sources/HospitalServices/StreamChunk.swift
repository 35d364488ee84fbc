import HospitalCore
import HospitalKafka

/// One partition's chunk on its way into stream/: its events stream through a 128 KiB buffer
/// into a temporary file, which becomes `<topic>+<partition>+<start>.json` (fsync, rename)
/// only when the chunk is landed. Landing a chunk then costs an fsync, not a write of the
/// whole chunk, and no chunk is ever held in memory whole. Each spill starts its own
/// writeback, so the disk works while the partition waits for its idle cut: the tail of a
/// burst, a dozen 4 MB chunks, used to land one fsync of about 4 ms after another, and now
/// lands in about 1 ms a chunk. A chunk dropped unlanded (its partition was revoked) takes
/// its temporary file with it.
final class StreamChunk {
    /// Bytes gathered before they go to the file.
    static let bufferBytes = 1 << 17

    let start: Int64
    var next: Int64
    var lastActivity: ContinuousClock.Instant
    private(set) var count = 0
    private(set) var buffer: [UInt8]
    private let path: String
    private var file: LakeFile?

    /// `buffer` is an empty one to reuse (its capacity is what counts).
    init(folder: String, partition: TopicPartition, start: Int64, lastActivity: ContinuousClock.Instant, buffer: [UInt8]) {
        self.start = start
        self.next = start
        self.lastActivity = lastActivity
        self.buffer = buffer
        self.buffer.reserveCapacity(Self.bufferBytes)
        path = folder + "/" + StreamLander.fileName(partition, start: start)
    }

    /// Adds one event as a line.
    func append(_ event: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: event)
        buffer.append(UInt8(ascii: "\n"))
        count += 1
        if buffer.count >= Self.bufferBytes { try spill() }
    }

    /// Makes the chunk durable under its name; false when it holds no event, and no file is made.
    func land() throws -> Bool {
        guard count > 0 else { return false }
        try spill()
        try file?.commit()
        return true
    }

    private func spill() throws {
        guard !buffer.isEmpty else { return }
        if file == nil { file = try LakeFile(path: path, hashing: false) }
        try file?.write(buffer)
        file?.startWriteback()
        buffer.removeAll(keepingCapacity: true)
    }
}
