import Foundation
import Synchronization
import Testing

@testable import HospitalCore

@Suite struct OneAheadTests {
    /// Items carry state from one to the next (as days do), so they must be made and taken
    /// in order, each once, and the sequence must end.
    @Test func itemsComeInOrderEachOnceThenNil() {
        var running = 0
        let ahead = OneAhead(count: 100, name: "test-ahead") { index in
            running += index
            return [index, running]
        }
        var taken: [[Int]] = []
        while let item = ahead.next() { taken.append(item) }
        #expect(taken.map { $0[0] } == Array(0..<100))
        #expect(taken.last?[1] == (0..<100).reduce(0, +))
        #expect(ahead.next() == nil)
    }

    @Test func anEmptySequenceEndsAtOnce() {
        let ahead = OneAhead(count: 0, name: "test-ahead") { $0 }
        #expect(ahead.next() == nil)
    }

    /// A taker that stops early must not leave the thread making the rest: it ends after the
    /// item it is on, so at most two items beyond the last one taken are made.
    @Test func abandoningStopsTheMaker() {
        let made = Atomic<Int>(0)
        let ahead = OneAhead(count: 1_000_000, name: "test-ahead") { index in
            made.add(1, ordering: .relaxed)
            return index
        }
        #expect(ahead.next() == 0)
        ahead.abandon()
        Thread.sleep(forTimeInterval: 0.2)
        let settled = made.load(ordering: .relaxed)
        #expect(settled <= 3)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(made.load(ordering: .relaxed) == settled)
    }
}
