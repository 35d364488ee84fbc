import Foundation
import Synchronization

/// Runs blocking service code (a publisher, a lander) on its own thread, so the test can
/// inject faults meanwhile and wait for the outcome with a bound.
final class BackgroundRun<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    init(_ name: String, _ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread {
            let result = Result { try body() }
            self.outcome.withLock { $0 = result }
        }
        thread.name = name
        thread.start()
    }

    var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// The body's value, its error, or a timeout error when it has not finished by then.
    func wait(timeout: Duration) throws -> Value {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let result = outcome.withLock({ $0 }) { return try result.get() }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw StillRunning(timeout: timeout)
    }

    struct StillRunning: Error, CustomStringConvertible {
        let timeout: Duration
        var description: String { "still running after \(timeout)" }
    }
}

/// A stop request shared with a background run.
final class StopFlag: Sendable {
    private let flag = Atomic(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}
