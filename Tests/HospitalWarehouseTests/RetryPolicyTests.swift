import HospitalWarehouse
import Testing

/// The reconnect delays: doubling from the base, capped at the ceiling (no server needed).
@Suite struct RetryPolicyTests {
    @Test func delaysDoubleAndAreCapped() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .milliseconds(500))
        let delays = (1...5).map { policy.delay(afterAttempt: $0) }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500)])
    }
}
