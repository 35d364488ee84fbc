import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import Logging
import Synchronization
import Testing

/// A full disk fails every health write: the service goes on, and the log says so once a
/// minute rather than at every beat.
@Suite struct HealthWarningTests {
    final class Warnings: Sendable {
        let count = Mutex(0)
    }

    struct Counting: LogHandler {
        let warnings: Warnings
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        func log(event: LogEvent) {
            if event.level == .warning { warnings.count.withLock { $0 += 1 } }
        }
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
    }

    @Test func aHealthFileThatCannotBeWrittenIsSaidOnceAMinute() throws {
        let layout = SchedulerFixture.lake()
        try LakeFolders.create(layout)
        // .health/ taken by a file: every write fails, as on a full disk.
        try FileManager.default.removeItem(atPath: layout.health)
        try Data().write(to: URL(fileURLWithPath: layout.health))
        let warnings = Warnings()
        let clock = Shared(1_000.0)
        let health = HealthReporter(
            service: "producer", layout: layout, logger: Logger(label: "test") { _ in Counting(warnings: warnings) },
            minimumInterval: 0, now: { clock.read { $0 } })
        // Twenty beats a second for 90 s.
        for beat in 0..<1_800 {
            clock.update { $0 = 1_000 + Double(beat) / 20 }
            health.beat(adding: ["events_published": 1])
        }
        #expect(warnings.count.withLock { $0 } == 2)
    }
}
