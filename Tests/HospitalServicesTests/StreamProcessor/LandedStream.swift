import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices

/// stream/ read back as the stream processor's contract describes it: chunk files
/// `<topic>+<partition>+<start>.json`, `start` the offset of the first line's event, each
/// event once. Temporary files a killed writer left are ignored, as the ingestor ignores them.
struct LandedStream {
    struct Chunk {
        let name: String
        let partition: TopicPartition
        let start: Int64
        let lines: [String]
    }

    let chunks: [Chunk]

    init(layout: LakeLayout) throws {
        var chunks: [Chunk] = []
        let manager = FileManager.default
        for topic in ((try? manager.contentsOfDirectory(atPath: layout.stream)) ?? []).sorted() {
            for name in try manager.contentsOfDirectory(atPath: layout.stream + "/" + topic).sorted() where name.hasSuffix(".json") {
                let parts = name.dropLast(".json".count).split(separator: "+")
                guard parts.count == 3, let partition = Int32(parts[1]), let start = Int64(parts[2]) else {
                    throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: name])
                }
                let text = try String(contentsOfFile: layout.stream + "/" + topic + "/" + name, encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                chunks.append(
                    Chunk(
                        name: topic + "/" + name, partition: TopicPartition(topic: String(parts[0]), partition: partition),
                        start: start, lines: lines.last == "" ? Array(lines.dropLast()) : lines))
            }
        }
        self.chunks = chunks
    }

    var lines: [String] { chunks.flatMap(\.lines) }

    /// Events landed more than once (by `event_id`), with the chunks holding them: each
    /// event must land once, however often the broker held it.
    func repeats() -> [String] {
        var first: [String: String] = [:]
        var repeats: [String] = []
        for chunk in chunks {
            for line in chunk.lines {
                let id = String(line.dropFirst(#"{"event_id":""#.count).prefix(36))
                if let earlier = first[id] {
                    repeats.append("\(id) in \(earlier) and \(chunk.name)")
                } else {
                    first[id] = chunk.name
                }
            }
        }
        return repeats
    }

    /// Chunks of one partition whose offsets overlap: a chunk holds the events at offsets
    /// from its name up to the next chunk's (repeats skipped), so names must leave room for
    /// their lines.
    func overlaps() -> [String] {
        let byPartition = Dictionary(grouping: chunks, by: \.partition)
        return byPartition.keys.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }.flatMap { partition in
            let sorted = byPartition[partition]!.sorted { $0.start < $1.start }
            return zip(sorted, sorted.dropFirst()).compactMap { chunk, next in
                chunk.start + Int64(chunk.lines.count) > next.start ? "\(chunk.name) runs into \(next.name)" : nil
            }
        }
    }
}
