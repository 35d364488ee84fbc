import Foundation
import HospitalCore
import HospitalKafka

/// A fault the embedded broker injects on request, through librdkafka's mock-cluster API,
/// so a chaos run (`ci/chaos.sh`, docs/architecture.md §Chaos runs) can take the broker away
/// or make it refuse requests while the services run in other processes. Each error is one
/// the Kafka protocol calls retriable: a client that gives up on one has a bug.
public enum BrokerFault: Equatable, Sendable {
    case down
    case up
    /// The next `count` requests of the kind fail, cycling through retriable errors.
    case requestErrors(KafkaAPIKey, count: Int)

    /// Reads one command line: `down`, `up`, or `produce-errors|fetch-errors|commit-errors N`.
    public init?(command: String) {
        let words = command.split(separator: " ").map(String.init)
        switch (words.first, words.count) {
        case ("down", 1): self = .down
        case ("up", 1): self = .up
        case (let verb?, 2):
            guard let count = Int(words[1]), (1...1_000).contains(count), let api = Self.apis[verb] else { return nil }
            self = .requestErrors(api, count: count)
        default: return nil
        }
    }

    private static let apis: [String: KafkaAPIKey] = [
        "produce-errors": .produce, "fetch-errors": .fetch, "commit-errors": .offsetCommit,
    ]

    /// Errors each kind of request may meet and a correct client rides out.
    static func retriable(for api: KafkaAPIKey) -> [KafkaErrorCode] {
        switch api {
        case .produce: [.notEnoughReplicas, .notLeaderForPartition, .requestTimedOut, .leaderNotAvailable]
        case .offsetCommit: [.requestTimedOut, .coordinatorNotAvailable, KafkaErrorCode(rawValue: 16)]  // 16: NOT_COORDINATOR
        default: [.notLeaderForPartition, .requestTimedOut, .leaderNotAvailable]
        }
    }
}

extension EmbeddedBroker {
    public func inject(_ fault: BrokerFault) throws {
        switch fault {
        case .down: for broker in 1...brokerCount { try cluster.setBrokerDown(Int32(broker)) }
        case .up: for broker in 1...brokerCount { try cluster.setBrokerUp(Int32(broker)) }
        case .requestErrors(let api, let count):
            let errors = BrokerFault.retriable(for: api)
            cluster.pushRequestErrors(apiKey: api, errors: (0..<count).map { errors[$0 % errors.count] })
        }
    }
}
