import Foundation
import Testing

@testable import HospitalServices

@Suite(.timeLimit(.minutes(1)))
struct HandoffTests {
    @Test func handsItemsOverInOrderThenNilOnceClosed() {
        let handoff = Handoff<Int>(capacity: 2)
        let producer = Thread {
            for item in 0..<100 { _ = handoff.put(item) }
            handoff.close()
        }
        producer.start()
        var taken: [Int] = []
        while let item = handoff.take() { taken.append(item) }
        #expect(taken == Array(0..<100))
    }

    /// A reader stopped early must not leave the thread filling the queue blocked forever.
    @Test func closingReleasesAWaitingPut() {
        let handoff = Handoff<Int>(capacity: 1)
        #expect(handoff.put(1))
        let refused = DispatchSemaphore(value: 0)
        Thread {
            if !handoff.put(2) { refused.signal() }
        }.start()
        handoff.close()
        #expect(refused.wait(timeout: .now() + 10) == .success)
        #expect(handoff.take() == 1)
        #expect(handoff.take() == nil)
    }
}
