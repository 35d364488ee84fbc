/// One Kafka event of the outbox: its key, its JSON value and its id.
public struct OutboxEvent: Sendable, Equatable {
    public let id: DeterministicUUID
    public let key: [UInt8]
    public let value: [UInt8]
}

/// The events of one outbox file, each key and value written back to back into one buffer:
/// a file of thousands of rows costs a few allocations, not a few per row, and the producer
/// hands librdkafka slices of the buffer.
public struct OutboxEvents: RandomAccessCollection, Sendable, Equatable {
    struct Bounds: Sendable, Equatable {
        var keyStart: Int
        var valueStart: Int
        var valueEnd: Int
    }

    private var text: ByteText
    private(set) var ids: [DeterministicUUID] = []
    private(set) var bounds: [Bounds] = []

    public init() {
        text = ByteText(capacity: 0)
    }

    /// Empties the collection for the next file, keeping its buffers: a producer that
    /// refills one collection touches the same memory file after file.
    mutating func removeAll(reservingEvents events: Int, bytes: Int) {
        text.removeAll()
        ids.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        text.reserveCapacity(bytes)
        if ids.capacity < events {
            ids.reserveCapacity(Swift.max(events, 2 * ids.capacity))
            bounds.reserveCapacity(Swift.max(events, 2 * bounds.capacity))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    public subscript(index: Int) -> OutboxEvent {
        let at = bounds[index]
        return OutboxEvent(
            id: ids[index], key: Array(text.bytes[at.keyStart..<at.valueStart]),
            value: Array(text.bytes[at.valueStart..<at.valueEnd]))
    }

    /// Key and value bytes of the last event appended: what the broker's message limit weighs.
    var lastEventBytes: Int { bounds.last.map { $0.valueEnd - $0.keyStart } ?? 0 }

    /// Calls `body` with each event's index, key and value, the bytes borrowed from the buffer.
    public func forEachEvent(
        in indices: some Sequence<Int>, _ body: (Int, UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        try text.bytes.withUnsafeBytes { buffer in
            for index in indices {
                let at = bounds[index]
                try body(
                    index, UnsafeRawBufferPointer(rebasing: buffer[at.keyStart..<at.valueStart]),
                    UnsafeRawBufferPointer(rebasing: buffer[at.valueStart..<at.valueEnd]))
            }
        }
    }

    /// Appends one event: the key as given, then the value `write` writes, at most
    /// `maxValueBytes` of it. A throwing `write` leaves the collection unusable; the encoder
    /// then drops it whole.
    mutating func append(
        id: DeterministicUUID, key: UnsafeBufferPointer<UInt8>, maxValueBytes: Int,
        value write: (inout ByteWriter) throws(CSVReader.Failure) -> Void
    ) throws(CSVReader.Failure) {
        let keyStart = text.count
        text.append(utf8: key)
        let valueStart = text.count
        try text.write(atMost: maxValueBytes, write)
        ids.append(id)
        bounds.append(Bounds(keyStart: keyStart, valueStart: valueStart, valueEnd: text.count))
    }
}
