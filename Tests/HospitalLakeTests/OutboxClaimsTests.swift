import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// Producers side by side on one lake (docs/lake.md §In-flight files): a file is claimed by
/// one rename, so it is published by one producer, and a gone holder's claims are taken over.
@Suite struct OutboxClaimsTests {
    let outbox = "hospital_transfers_2022-11-21_session_1.csv"

    func lake() throws -> LakeLayout {
        let layout = LakeLayout(root: TestWorld.temporaryDirectory())
        try LakeFolders.create(layout)
        try Data("bytes\n".utf8).write(to: URL(fileURLWithPath: layout.batch + "/" + outbox))
        return layout
    }

    /// Tokens of namespaces that are not this process's, one each: only the lease can end their claims.
    func elsewhere(_ namespace: UInt64) -> ProducerToken { ProducerToken(namespace: namespace, pid: 1, start: 1) }

    @Test func ofTwoProducersClaimingOneFileOneWinsAndTheOtherMovesOn() throws {
        let layout = try lake()
        let first = OutboxClaims(layout: layout, owner: elsewhere(1))
        let second = OutboxClaims(layout: layout, owner: elsewhere(2))
        let seenByFirst = first.waiting()
        let seenBySecond = second.waiting()
        #expect(seenByFirst.map(\.file.name) == [outbox] && seenBySecond.map(\.file.name) == [outbox])
        #expect(first.claim(seenByFirst[0]))
        #expect(!second.claim(seenBySecond[0]))
        #expect(second.waiting().isEmpty, "a live holder's claim is not the second's to take")
        #expect(first.waiting().map(\.entry) == [LakeFileName.inFlight(of: outbox, owner: elsewhere(1)).name])
        #expect(try first.finish([seenByFirst[0].file]).isEmpty)
        #expect(LakeEntry.kind(layout.processed + "/" + outbox) == .regular)
        #expect(LakeFolders.names(in: layout.batch).isEmpty)
    }

    /// A holder in this PID namespace whose process ended (kill -9 between publishing and
    /// moving) leaves its claim to the next producer at once.
    @Test func aClaimOfAnEndedProcessIsTakenOverAtOnce() throws {
        let layout = try lake()
        let me = ProducerToken.current
        #expect(me.namespace != 0 && me.isRunning)
        let ended = ProducerToken(namespace: me.namespace, pid: me.pid, start: me.start + 1)
        #expect(!ended.isRunning)
        let dead = OutboxClaims(layout: layout, owner: ended)
        #expect(dead.claim(dead.waiting()[0]))
        let heir = OutboxClaims(layout: layout, owner: me)
        let waiting = heir.waiting()
        #expect(waiting.map(\.entry) == [LakeFileName.inFlight(of: outbox, owner: ended).name])
        #expect(heir.claim(waiting[0]))
        #expect(LakeEntry.kind(heir.path(of: waiting[0].file)) == .regular)
        // The old holder, were it still alive, finds its claim gone and says so.
        #expect(try dead.finish([waiting[0].file]) == [waiting[0].file])
    }

    /// A holder in another namespace (another container) cannot be looked at: its claim is
    /// taken over once it went unrefreshed for the lease, and not before.
    @Test func aClaimFromElsewhereIsTakenOverWhenItsLeaseRanOut() throws {
        let layout = try lake()
        let holder = OutboxClaims(layout: layout, owner: elsewhere(1), lease: 60)
        #expect(holder.claim(holder.waiting()[0]))
        let other = OutboxClaims(layout: layout, owner: elsewhere(2), lease: 60)
        #expect(other.waiting().isEmpty)
        let claim = holder.path(of: try #require(OutboxFile(name: outbox)))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: claim)
        #expect(other.waiting().count == 1)
        holder.refresh()
        #expect(other.waiting().isEmpty, "a refreshed claim is alive again")
    }

    @Test func releasedClaimsWaitUnderTheirOwnNamesAgain() throws {
        let layout = try lake()
        let claims = OutboxClaims(layout: layout, owner: elsewhere(1))
        #expect(claims.claim(claims.waiting()[0]))
        claims.releaseAll()
        #expect(LakeFolders.names(in: layout.batch) == [outbox])
    }
}
