import HospitalKafka
import Testing

@testable import HospitalServices

/// When the lander cuts a chunk, without a broker or a disk: runs of consecutive offsets,
/// cuts by count, idleness and age, the poll's wait, and what a revoke drops.
@Suite struct ChunkCutsTests {
    private let start = ContinuousClock.now

    private func cuts(size: Int = 3) -> ChunkCuts<String> {
        ChunkCuts(size: size, idle: .seconds(1), maxAge: .seconds(10))
    }

    /// An arrival in words: `continues a`, `opens`, or `ends a before 8`.
    private func words(_ arrival: ChunkCuts<String>.Arrival) -> String {
        switch arrival {
        case .continues(let chunk): return "continues \(chunk)"
        case .startsRun(nil): return "opens"
        case .startsRun(let run?): return "ends \(run.chunk) before \(run.next)"
        }
    }

    @Test func theNextOffsetContinuesARunAndAnyOtherStartsOne() {
        var cuts = cuts()
        #expect(words(cuts.arrival(.transport0, offset: 7)) == "opens", "a partition's first message opens a run")
        cuts.open(.transport0, at: 7, chunk: "a", now: start)
        _ = cuts.took(.transport0, kept: true, now: start)
        #expect(words(cuts.arrival(.transport0, offset: 8)) == "continues a")
        #expect(words(cuts.arrival(.transport1, offset: 8)) == "opens", "runs are per partition")
        for offset: Int64 in [12, 3, 7] {
            #expect(words(cuts.arrival(.transport0, offset: offset)) == "ends a before 8", "offset \(offset): a gap or a rewind")
        }
    }

    @Test func aRunIsCutWhenItHoldsSizeKeptEventsNotCountingRepeats() {
        var cuts = cuts(size: 3)
        cuts.open(.transport0, at: 0, chunk: "a", now: start)
        let full = [true, false, true, true].map { cuts.took(.transport0, kept: $0, now: start) }
        #expect(full == [false, false, false, true], "a skipped repeat is not an event of the chunk")
        let run = cuts.close(.transport0)
        #expect(run?.next == 4, "the skipped offset still moves the run on")
        #expect(run?.kept == 3)
        #expect(cuts.isEmpty)
        #expect(cuts.close(.transport0) == nil)
    }

    @Test func anIdleRunIsDueAfterIdleAndABusyOneAfterMaxAge() {
        var cuts = cuts(size: 1_000)
        cuts.open(.transport0, at: 0, chunk: "idle", now: start)
        cuts.open(.transport1, at: 0, chunk: "busy", now: start)
        _ = cuts.took(.transport0, kept: true, now: start)
        #expect(cuts.due(at: start + .milliseconds(999)).isEmpty)
        for tick in 1...10 {
            _ = cuts.took(.transport1, kept: true, now: start + .milliseconds(999 * tick))
        }
        #expect(cuts.due(at: start + .seconds(1)) == [.transport0])
        #expect(cuts.due(at: start + .seconds(10)) == [.transport0, .transport1], "ten seconds open, though never idle")
    }

    @Test func aPollWaitsNoLongerThanUntilTheFirstRunIsIdle() {
        var cuts = cuts()
        #expect(cuts.pollTimeout(at: start) == .milliseconds(100))
        cuts.open(.transport0, at: 0, chunk: "a", now: start)
        #expect(cuts.pollTimeout(at: start) == .milliseconds(100))
        #expect(cuts.pollTimeout(at: start + .milliseconds(960)) == .milliseconds(40))
        #expect(cuts.pollTimeout(at: start + .seconds(5)) == .zero, "overdue: never a negative wait")
        cuts.open(.transfers2, at: 0, chunk: "b", now: start + .milliseconds(500))
        #expect(cuts.pollTimeout(at: start + .milliseconds(950)) == .milliseconds(50), "the earliest deadline wins")
    }

    @Test func aRevokeDropsOnlyRunsNoLongerOwnedInPartitionOrder() {
        var cuts = cuts()
        for (partition, chunk): (TopicPartition, String) in [(.transport1, "b"), (.transport0, "a"), (.transfers2, "c")] {
            cuts.open(partition, at: 0, chunk: chunk, now: start)
        }
        #expect(cuts.open == [.transfers2, .transport0, .transport1])
        let revoked = cuts.revoke(notIn: [.transport0])
        #expect(revoked == [.transfers2, .transport1])
        #expect(cuts.open == [.transport0])
        let again = cuts.revoke(notIn: [.transport0])
        #expect(again.isEmpty)
    }
}
