import HospitalKafka
import Testing

@testable import HospitalServices

/// The gap watch without a broker: where each owned partition's next message belongs, and
/// which jumps are losses.
@Suite struct OffsetGapWatchTests {

    @Test func aNewPartitionIsExpectedAtTheGroupsCommittedOffset() {
        var gaps = OffsetGapWatch()
        gaps.assign([.transport0, .transport1], committed: [.transport0: 100])
        #expect(gaps.observe(.transport0, offset: 130) == 100..<130, "records deleted before they were read")
        #expect(gaps.observe(.transport1, offset: 500) == nil, "never committed: nothing to compare with")
        #expect(gaps.owned == [.transport0, .transport1])
    }

    /// The broker took records and deleted them, and nothing came after: no message shows
    /// the jump, but the log's start does.
    @Test func aLogStartPastTheExpectedOffsetIsALossWithNoLaterMessage() {
        var gaps = OffsetGapWatch()
        gaps.assign([.transport0, .transport1], committed: [.transport0: 10])
        #expect(Set(gaps.watched) == [.transport0])
        #expect(gaps.logStarts(.transport0, at: 10) == nil, "the log begins where the partition is expected")
        #expect(gaps.logStarts(.transport0, at: 12) == 10..<12)
        #expect(gaps.logStarts(.transport0, at: 12) == nil, "said once")
        #expect(gaps.observe(.transport0, offset: 12) == nil, "the next message is expected where the log now begins")
        #expect(gaps.logStarts(.transport1, at: 50) == nil, "never committed: nothing to compare with")
    }

    @Test func aRewindIsNoLossAndARunContinuesWhereItEnded() {
        var gaps = OffsetGapWatch()
        gaps.assign([.transport0], committed: [.transport0: 10])
        #expect(gaps.observe(.transport0, offset: 10) == nil)
        gaps.expect(.transport0, at: 25)
        #expect(gaps.observe(.transport0, offset: 25) == nil)
        gaps.expect(.transport0, at: 40)
        #expect(gaps.observe(.transport0, offset: 12) == nil, "a rebalance re-delivered from the committed offset")
        gaps.expect(.transport0, at: 20)
        #expect(gaps.observe(.transport0, offset: 21) == 20..<21)
    }

    @Test func aRevokedPartitionIsForgottenAndExpectedAnewWhenItReturns() {
        var gaps = OffsetGapWatch()
        gaps.assign([.transport0], committed: [.transport0: 10])
        gaps.assign([], committed: [:])
        gaps.expect(.transport0, at: 5)
        gaps.assign([.transport0], committed: [.transport0: 300])
        #expect(gaps.observe(.transport0, offset: 300) == nil, "its new owner moved the group on meanwhile")
        #expect(gaps.observe(.transport0, offset: 301) == nil)
    }

    @Test func aPartitionStillOwnedKeepsItsExpectationAcrossAssignments() {
        var gaps = OffsetGapWatch()
        gaps.assign([.transport0], committed: [.transport0: 10])
        gaps.expect(.transport0, at: 50)
        gaps.assign([.transport0, .transport1], committed: [.transport0: 0, .transport1: 7])
        #expect(gaps.observe(.transport0, offset: 60) == 50..<60, "not reset to the committed offset it already passed")
        #expect(gaps.observe(.transport1, offset: 7) == nil)
    }
}
