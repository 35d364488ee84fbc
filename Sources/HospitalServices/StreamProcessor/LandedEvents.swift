import Foundation
import HospitalCore
import HospitalKafka
import HospitalLake

/// The ids of the events already in stream/, partition by partition, so each event lands
/// once however often the broker holds it. A producer that crashed after the broker
/// acknowledged a file but before moving it publishes the file again, at new offsets; a
/// delivery that timed out yet reached the broker is sent again. Both repeats carry the
/// same `event_id` and the same key, and the key picks the partition, so a repeat always
/// follows its first copy in the same partition: skipping every id the partition already
/// landed leaves each event once, whatever the producer's crash point.
///
/// A partition's ids are read from its landed files when it is assigned (the previous owner
/// may have landed them) and forgotten when it is revoked. Events of the open chunk count
/// as landed, since the chunk either lands or goes with its partition.
struct LandedEvents {
    private var ids: [TopicPartition: Set<DeterministicUUID>] = [:]
    /// The partitions whose landed ids were read, as of the last assignment.
    private var owned: Set<TopicPartition> = []

    /// Follows the assignment: reads the landed ids of new partitions from `stream`, forgets revoked ones.
    mutating func assign(_ partitions: Set<TopicPartition>, stream: String) throws {
        ids = ids.filter { partitions.contains($0.key) && owned.contains($0.key) }
        for partition in partitions where !owned.contains(partition) || ids[partition] == nil {
            ids[partition] = try Self.read(partition, folder: stream + "/" + partition.topic)
        }
        owned = partitions
    }

    /// Records the event's id; false when the partition landed it already. An event without
    /// a readable id is always kept (the ingestor sets it aside with its reason).
    mutating func insert(_ event: UnsafeRawBufferPointer, in partition: TopicPartition) -> Bool {
        guard let id = EventEncoder.eventID(of: event) else { return true }
        return ids[partition, default: []].insert(id).inserted
    }

    /// Forgets the events of a chunk dropped unlanded: the partition's ids are read again
    /// when it is next assigned.
    mutating func forget(_ partition: TopicPartition) {
        ids[partition] = nil
        owned.remove(partition)
    }

    func count(in partition: TopicPartition) -> Int { ids[partition]?.count ?? 0 }

    /// The ids in the partition's landed chunks: `<topic>+<partition>+<offset>.json`, never
    /// the `.tmp` of a chunk still filling.
    static func read(_ partition: TopicPartition, folder: String) throws -> Set<DeterministicUUID> {
        let prefix = "\(partition.topic)+\(partition.partition)+"
        var ids: Set<DeterministicUUID> = []
        for name in LakeFolders.names(in: folder) where name.hasPrefix(prefix) && name.hasSuffix(".json") {
            let path = folder + "/" + name
            guard LakeEntry.kind(path) == .regular else { continue }
            let bytes = try LakeEntry.read(path)
            bytes.withUnsafeBytes { all in
                var start = 0
                while start < all.count {
                    let end = all[start...].firstIndex(of: UInt8(ascii: "\n")) ?? all.count
                    if let id = EventEncoder.eventID(of: UnsafeRawBufferPointer(rebasing: all[start..<end])) { ids.insert(id) }
                    start = end + 1
                }
            }
        }
        return ids
    }
}
