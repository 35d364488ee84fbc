import CRdKafka
import Synchronization

/// Counts messages between `send` and their delivery report and buffers the
/// reports until the application collects them.
///
/// Sends happen on application threads while reports are recorded from
/// whichever thread is inside `rd_kafka_poll`/`rd_kafka_flush`, so the state
/// sits behind a `Mutex`.
final class DeliveryTracker: Sendable {
    private struct State {
        var lastToken: UInt64 = 0
        var inFlight = 0
        var reports: [DeliveryReport] = []
        var topics = TopicNames()
    }

    private let state = Mutex(State())

    /// Reserves the next token before the message is handed to librdkafka,
    /// so a report can never arrive for an unknown token.
    func begin() -> MessageToken {
        state.withLock { state in
            state.lastToken += 1
            state.inFlight += 1
            return MessageToken(rawValue: state.lastToken)
        }
    }

    /// librdkafka refused the message synchronously; no report will come.
    func abandon(_ token: MessageToken) {
        state.withLock { $0.inFlight -= 1 }
    }

    func record(_ message: UnsafePointer<rd_kafka_message_t>) {
        state.withLock { state in
            let topic = state.topics.name(of: message.pointee.rkt)
            state.inFlight -= 1
            state.reports.append(DeliveryReport(message, topic: topic))
        }
    }

    /// Messages sent whose report has not arrived yet.
    var inFlight: Int {
        state.withLock { $0.inFlight }
    }

    /// Hands over the buffered reports and forgets them.
    func drain() -> [DeliveryReport] {
        state.withLock { state in
            let reports = state.reports
            state.reports = []
            return reports
        }
    }
}
