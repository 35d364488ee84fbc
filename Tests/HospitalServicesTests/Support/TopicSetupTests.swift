import HospitalCore
import HospitalKafka
import HospitalTestSupport
import Logging
import Synchronization
import Testing

@testable import HospitalServices

/// Topic creation at start waits for a broker that is not up yet, and gives up only on
/// what no retry cures (docs/lake.md §Topics).
@Suite struct TopicSetupTests {
    private let setup = TopicSetup(
        config: TestWorld.config.kafka, logger: TestWorld.logger("topic-setup", level: .critical),
        attemptTimeout: .milliseconds(50), retry: Backoff(base: 0.001, ceiling: 0.005))

    /// Answers with `results` in turn, counting the calls and checking what each was asked.
    private final class Broker: Sendable {
        let results: [Result<[String], KafkaError>]
        let calls = Atomic<Int>(0)
        init(_ results: [Result<[String], KafkaError>]) { self.results = results }

        func attempt(_ topics: [String], _ partitions: Int?, _ timeout: Duration) throws -> [String] {
            #expect(topics == TestWorld.config.kafka.topics.all && partitions == TestWorld.config.kafka.partitions)
            #expect(timeout == .milliseconds(50))
            let call = calls.add(1, ordering: .relaxed).oldValue
            return try results[min(call, results.count - 1)].get()
        }
    }

    @Test("a broker that is not up yet is waited for: the attempt is made again until it answers")
    func aBrokerNotUpYetIsWaitedFor() async throws {
        let broker = Broker([
            .failure(KafkaError(code: .transport)), .failure(KafkaError(code: .allBrokersDown)),
            .failure(KafkaError(code: .timedOut)), .success(["hospital.transport"]),
        ])
        let created = try await setup.run(broker.attempt, shouldStop: { false })
        #expect(created == ["hospital.transport"])
        #expect(broker.calls.load(ordering: .relaxed) == 4)
    }

    @Test(
        "what no retry cures is thrown at the first attempt",
        arguments: [KafkaError(code: .topicAuthorizationFailed), KafkaError(code: .transport, isFatal: true)])
    func anIncurableFailureIsThrown(_ error: KafkaError) async {
        let broker = Broker([.failure(error), .success([])])
        await #expect(throws: error) { try await setup.run(broker.attempt, shouldStop: { false }) }
        #expect(broker.calls.load(ordering: .relaxed) == 1)
    }

    @Test("asked to stop while the broker is away: nil, and no attempt after the stop")
    func aStopEndsTheWait() async throws {
        let broker = Broker([.failure(KafkaError(code: .transport))])
        let created = try await setup.run(broker.attempt, shouldStop: { broker.calls.load(ordering: .relaxed) >= 2 })
        #expect(created == nil)
        #expect(broker.calls.load(ordering: .relaxed) == 2)
    }
}
