import Foundation
import HospitalCore
import HospitalLake

/// A stand-in for the producer or the ingestor: a thread that calls `turn` every few
/// milliseconds until stopped, moving files out of batch/ as the real service would.
final class FakeService: @unchecked Sendable {
    private let running = Shared(true)
    private let finished = DispatchSemaphore(value: 0)

    init(turn: @escaping @Sendable () -> Void) {
        let running = running, finished = finished
        Thread.detachNewThread {
            while running.read({ $0 }) {
                turn()
                Thread.sleep(forTimeInterval: 0.01)
            }
            finished.signal()
        }
    }

    /// Stops the thread and waits for it, at most five seconds.
    func stop() {
        running.update { $0 = false }
        _ = finished.wait(timeout: .now() + 5)
    }

    /// Moves every batch file `select` accepts to processed/, as a service does once done with it.
    static func move(in layout: LakeLayout, where select: (String) -> Bool) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.batch)) ?? []
        for name in names.sorted() where !name.hasSuffix(".tmp") && select(name) {
            try? layout.move(batchFile: name, to: layout.processed)
        }
    }
}
