import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import Testing

/// `.health/<service>.json`: what Compose's healthcheck decides on.
@Suite struct HealthTests {
    typealias Fixture = SchedulerFixture

    private func reporter(_ layout: LakeLayout, clock: Shared<Double>, interval: Double = 5) throws -> HealthReporter {
        try LakeFolders.create(layout)
        return HealthReporter(
            service: "producer", layout: layout, logger: Fixture.logger, minimumInterval: interval, now: { clock.read { $0 } })
    }

    @Test func aRecentHeartbeatIsFreshAndAnOldOneStale() throws {
        let layout = Fixture.lake()
        let clock = Shared(1_000.0)
        let health = try reporter(layout, clock: clock)
        health.beat(counts: ["events_published": 3])
        let record = try #require(HealthRecord.load("producer", in: layout))
        #expect(record.status == .running && record.counts == ["events_published": 3])
        #expect(record.isFresh(now: 1_030, maxAge: 60))
        #expect(!record.isFresh(now: 1_061, maxAge: 60))
    }

    @Test func aStoppedOrFailedServiceIsNeverFresh() throws {
        let layout = Fixture.lake()
        let clock = Shared(1_000.0)
        let health = try reporter(layout, clock: clock)
        health.finish(.stopped)
        #expect(HealthRecord.load("producer", in: layout)?.isFresh(now: 1_000, maxAge: 60) == false)
        health.finish(.failed, detail: "disk full")
        #expect(HealthRecord.load("producer", in: layout)?.detail == "disk full")
    }

    @Test func beatsWithinTheIntervalAreNotWrittenButAStatusChangeIs() throws {
        let layout = Fixture.lake()
        let clock = Shared(1_000.0)
        let health = try reporter(layout, clock: clock)
        health.beat()
        clock.update { $0 = 1_002 }
        health.beat(adding: ["events_published": 5])
        #expect(HealthRecord.load("producer", in: layout)?.updatedAt == 1_000)
        health.beat(.waiting)
        let waiting = try #require(HealthRecord.load("producer", in: layout))
        #expect(waiting.status == .waiting && waiting.updatedAt == 1_002 && waiting.progressAt == 1_002)
        clock.update { $0 = 1_010 }
        health.beat(.waiting, adding: ["events_published": 2])
        #expect(HealthRecord.load("producer", in: layout)?.counts["events_published"] == 7)
    }

    @Test func noFileMeansNotHealthy() {
        #expect(HealthRecord.load("scheduler", in: Fixture.lake()) == nil)
    }
}
