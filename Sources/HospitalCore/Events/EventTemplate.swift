/// What every event of one outbox file shares, made once per file: `{"event_id":"`, the
/// envelope after the id, each column's `,"name":` and `null`, in one buffer, and which
/// columns hold numbers.
struct EventTemplate {
    let columns: [String]
    let isInteger: [Bool]
    let bytes: [UInt8]
    let head: Range<Int>
    let tail: Range<Int>
    let null: Range<Int>
    let names: [Range<Int>]

    init(_ file: OutboxFile, columns: [String]) {
        self.columns = columns
        isInteger = columns.map(EventEncoder.integerColumns.contains)
        let parts =
            [EventEncoder.eventIDMember, EventEncoder.envelopeTail(file), Array("null".utf8)] + columns.map(EventEncoder.memberName)
        var ranges: [Range<Int>] = []
        var bytes: [UInt8] = []
        for part in parts {
            ranges.append(bytes.count..<bytes.count + part.count)
            bytes += part
        }
        self.bytes = bytes
        (head, tail, null) = (ranges[0], ranges[1], ranges[2])
        names = Array(ranges.dropFirst(3))
    }
}
