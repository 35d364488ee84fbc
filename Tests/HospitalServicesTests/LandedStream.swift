import Foundation
import HospitalCore
import HospitalKafka
import HospitalServices

/// stream/ read back as the stream processor's contract describes it: chunk files
/// `<topic>+<partition>+<start>.json` whose i-th line is the event at offset start + i
/// (true when no event was quarantined). Temporary files a killed writer left are ignored,
/// as the ingestor ignores them.
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

    /// Offsets landed by more than one chunk whose bytes differ: a duplicate that is not
    /// a whole re-delivered chunk. Empty when every overlap is byte-identical.
    func conflictingOverlaps() -> [String] {
        var byOffset: [TopicPartition: [Int64: (line: String, chunk: String)]] = [:]
        var conflicts: [String] = []
        for chunk in chunks {
            for (index, line) in chunk.lines.enumerated() {
                let offset = chunk.start + Int64(index)
                if let earlier = byOffset[chunk.partition]?[offset] {
                    if earlier.line != line { conflicts.append("\(chunk.name) and \(earlier.chunk) differ at offset \(offset)") }
                } else {
                    byOffset[chunk.partition, default: [:]][offset] = (line, chunk.name)
                }
            }
        }
        return conflicts
    }

    /// Offsets missing below a partition's highest landed offset: a hole in the stream.
    func gaps() -> [String] {
        var covered: [TopicPartition: Set<Int64>] = [:]
        for chunk in chunks {
            covered[chunk.partition, default: []].formUnion(chunk.start..<(chunk.start + Int64(chunk.lines.count)))
        }
        return covered.compactMap { partition, offsets in
            let top = offsets.max() ?? -1
            let missing = (0...max(top, 0)).filter { !offsets.contains($0) }
            return top < 0 || missing.isEmpty ? nil : "\(partition.topic)[\(partition.partition)] lacks offsets \(missing.prefix(5))"
        }
    }

    /// Events the broker held, counted once per (partition, offset) however many chunks landed them.
    var distinctOffsets: Int {
        Set(
            chunks.flatMap { chunk in
                chunk.lines.indices.map { "\(chunk.partition.topic)+\(chunk.partition.partition)+\(chunk.start + Int64($0))" }
            }
        )
        .count
    }
}
