import HospitalKafka
import Testing

@testable import HospitalServices

/// The lander's commit bookkeeping, without a broker: what is committed, when a failed
/// commit is tried again, and what a revoke drops.
@Suite struct CommitScheduleTests {
    private let start = ContinuousClock.now

    private func schedule() -> CommitSchedule { CommitSchedule(retry: Backoff(base: 0.1, ceiling: 2)) }

    private func pairs(_ offsets: [TopicPartitionOffset]) -> [String] {
        offsets.map { "\($0.topic)[\($0.partition)]@\($0.nextOffset)" }
    }

    @Test func nothingLandedIsNeverDue() {
        let commits = schedule()
        #expect(!commits.isDue(at: start))
        #expect(commits.isEmpty)
        #expect(commits.commitsOnLanding)
    }

    @Test func theNewestLandingOfAPartitionIsCommittedInPartitionOrder() {
        var commits = schedule()
        commits.landed(.transport1, next: 40)
        commits.landed(.transport0, next: 10)
        commits.landed(.transport1, next: 90)
        commits.landed(.transfers2, next: 5)
        #expect(commits.isDue(at: start))
        #expect(
            pairs(commits.offsets) == ["hospital.transfers[2]@5", "hospital.transport[0]@10", "hospital.transport[1]@90"])
        commits.committed(commits.offsets)
        #expect(commits.isEmpty)
        #expect(!commits.isDue(at: start))
    }

    @Test func aFailedCommitWaitsItsBackoffAndThenDoublesIt() {
        var commits = schedule()
        commits.landed(.transport0, next: 10)
        #expect(commits.failed(at: start) == .milliseconds(100))
        #expect(!commits.commitsOnLanding)
        #expect(!commits.isDue(at: start + .milliseconds(99)))
        #expect(commits.isDue(at: start + .milliseconds(100)))
        #expect(commits.wait(from: start + .milliseconds(40)) == .milliseconds(60))
        #expect(commits.failed(at: start + .milliseconds(100)) == .milliseconds(200))
        #expect(commits.failures == 2)
        commits.committed(commits.offsets)
        #expect(commits.failures == 0)
        #expect(commits.retries == 2)
        #expect(commits.commitsOnLanding)
        #expect(commits.wait(from: start) == .zero)
    }

    @Test func theBackoffStopsAtItsCeiling() {
        var commits = schedule()
        commits.landed(.transport0, next: 10)
        let delays = (0..<8).map { commits.failed(at: start + .seconds($0)) }
        #expect(delays.last == .seconds(2))
        #expect(delays == delays.sorted())
    }

    @Test func aLandingDuringARetryIsCommittedWithIt() {
        var commits = schedule()
        commits.landed(.transport0, next: 10)
        _ = commits.failed(at: start)
        commits.landed(.transport0, next: 25)
        commits.landed(.transport1, next: 3)
        #expect(pairs(commits.offsets) == ["hospital.transport[0]@25", "hospital.transport[1]@3"])
    }

    @Test func aCommitOfOlderOffsetsKeepsANewerLanding() {
        var commits = schedule()
        commits.landed(.transport0, next: 10)
        let sent = commits.offsets
        commits.landed(.transport0, next: 30)
        commits.committed(sent)
        #expect(pairs(commits.offsets) == ["hospital.transport[0]@30"])
    }

    @Test func revokedPartitionsAreNotCommitted() {
        var commits = schedule()
        commits.landed(.transport0, next: 10)
        commits.landed(.transport1, next: 20)
        commits.landed(.transfers2, next: 30)
        commits.keep(only: [.transport1])
        #expect(pairs(commits.offsets) == ["hospital.transport[1]@20"])
        commits.keep(only: [])
        #expect(commits.isEmpty)
        #expect(!commits.isDue(at: start))
    }
}
