import HospitalCore
import HospitalKafka
import HospitalLake
import Logging

/// Offsets that vanished before they were landed: logged as errors and recorded in failed/,
/// so `hospital verify` and e2e fail on the loss while consumption goes on.
extension StreamLander {
    /// Expects newly assigned partitions at the group's committed offsets. Without them
    /// (coordinator away) those partitions go unwatched until their next assignment.
    func watchGaps(in owned: Set<TopicPartition>) {
        let added = Array(owned.subtracting(gaps.owned))
        var committed: [TopicPartition: Int64] = [:]
        if !added.isEmpty {
            do {
                committed = try consumer.committedOffsets(for: added, timeout: .seconds(5))
            } catch {
                logger.warning(
                    "committed offsets unavailable; offset gaps go unseen in these partitions",
                    metadata: [LogKey.reason: "\(error)", LogKey.partition: "\(added.map(\.description).sorted())"])
            }
        }
        gaps.assign(owned, committed: committed)
    }

    /// Asks the broker where each quiet owned partition's log begins, so a loss that no later
    /// message reveals (the broker took a record, then deleted it and the next ones) is
    /// recorded too. Partitions with an open chunk are passed over: their next offset is the
    /// chunk's, not the watch's.
    func checkLogStarts(open: Set<TopicPartition>) throws {
        for partition in gaps.watched.sorted(by: { ($0.topic, $0.partition) < ($1.topic, $1.partition) })
        where !open.contains(partition) {
            guard let start = consumer.logStart(of: partition, timeout: .seconds(1)),
                let missing = gaps.logStarts(partition, at: start)
            else { continue }
            try recordGap(partition, missing: missing)
        }
    }

    /// Writes `failed/<topic>+<partition>+<expected>.gap.error.json` with the missing range;
    /// a re-delivery that meets the same gap rewrites the same record.
    func recordGap(_ partition: TopicPartition, missing: Range<Int64>) throws {
        let metadata: Logger.Metadata = [
            LogKey.topic: "\(partition.topic)", LogKey.partition: "\(partition.partition)",
            LogKey.expectedOffset: "\(missing.lowerBound)", LogKey.offset: "\(missing.upperBound)",
        ]
        logger.error("offsets missing from the partition: deleted by the broker before they were landed", metadata: metadata)
        let quarantine = Quarantine(layout: layout, service: "stream-processor")
        var report = quarantine.report(
            .offsetGap, file: "stream/" + partition.topic,
            reason: "offsets \(missing.lowerBound)..<\(missing.upperBound) were deleted by the broker before they were landed")
        (report.topic, report.partition) = (partition.topic, partition.partition)
        (report.expectedOffset, report.actualOffset) = (missing.lowerBound, missing.upperBound)
        report.missingCount = Int64(missing.count)
        try quarantine.record(name: LakeFileName.offsetGap(Self.chunk(partition, start: missing.lowerBound)).name, report)
    }
}
