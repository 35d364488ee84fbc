import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import Testing

/// The scheduler service writes `hospital simulate`'s bytes, whatever it waits for and
/// however often it is stopped.
@Suite(.timeLimit(.minutes(2)))
struct SchedulerTests {
    typealias Fixture = SchedulerFixture

    static let noWaits = SchedulerOptions(waitForProducer: false, waitForIngestor: false, pollSeconds: 0.01, exitWhenComplete: true)

    private func scheduler(
        _ world: HospitalWorld, _ layout: LakeLayout, _ options: SchedulerOptions = noWaits, health: HealthReporter? = nil,
        shouldStop: @escaping () -> Bool = Fixture.deadline()
    ) -> SchedulerService {
        SchedulerService(world: world, layout: layout, options: options, logger: Fixture.logger, health: health, shouldStop: shouldStop)
    }

    @Test func withoutWaitingWritesTheSameLakeAsSimulate() throws {
        let world = try Fixture.world()
        let layout = Fixture.lake()
        #expect(try scheduler(world, layout).run() == .complete)
        #expect(try Fixture.manifest(layout) == Fixture.manifest(Fixture.simulated(world)))
        let state = try #require(try SchedulerState.load(from: layout))
        #expect(state.currentDate == world.calendar.end && state.status == .complete)
    }

    @Test(arguments: [1, 4, 9, 17])
    func resumesAfterAStopWithIdenticalBytes(stopAfterChecks: Int) throws {
        let world = try Fixture.world()
        let layout = Fixture.lake()
        let checks = Shared(0)
        let stop = {
            checks.update { $0 += 1 }
            return checks.read { $0 > stopAfterChecks }
        }
        let first = try scheduler(world, layout, shouldStop: stop).run()
        guard case .stopped(let next) = first else {
            Issue.record("expected a stop, got \(first)")
            return
        }
        #expect(try SchedulerState.load(from: layout)?.currentDate == next)
        #expect(try scheduler(world, layout).run() == .complete)
        #expect(try Fixture.manifest(layout) == Fixture.manifest(Fixture.simulated(world)))
    }

    /// Windows, not handshakes: the scheduler runs ahead of a day whose outbox still waits, by
    /// at most the lag, and does not finish the run until the whole outbox has left batch/.
    @Test(arguments: [(days: 7, lag: 2), (days: 4, lag: 7)])
    func runsAheadOfAnUnpublishedDayNoFurtherThanTheLag(days: Int, lag: Int) throws {
        let world = try Fixture.world(days: days)
        let layout = Fixture.lake()
        let held = world.calendar.start.adding(days: 1)
        let heldFile = LakeFileName.dailySummary(held).name
        // The day the scheduler must stop at: `lag` days on, or the last day, which closes the window.
        let limit = min(held.adding(days: lag), world.calendar.end)
        // Released once the scheduler has sat at `limit`, day done but not advanced, for 20 polls.
        let watch = Shared((released: false, seenWhileHeld: [SimDate](), stalledPolls: 0))
        let producer = FakeService {
            let released = watch.read(\.released)
            if !released, let state = try? SchedulerState.load(from: layout) {
                let stalled = state.currentDate == limit && LakeFolders.exists(layout.path(LakeFlag.admissions(limit).path))
                watch.update {
                    $0.seenWhileHeld.append(state.currentDate)
                    $0.stalledPolls += stalled ? 1 : 0
                    $0.released = $0.stalledPolls >= 20
                }
            }
            FakeService.move(in: layout) { name in OutboxFile(name: name) != nil && (name != heldFile || released) }
        }
        var options = Self.noWaits
        (options.waitForProducer, options.maxIngestLagDays) = (true, lag)
        let outcome = try scheduler(world, layout, options).run()
        producer.stop()
        #expect(outcome == .complete)
        let seen = watch.read { $0 }
        #expect(seen.stalledPolls >= 20)
        #expect(seen.seenWhileHeld.allSatisfy { $0 <= limit })
        #expect(seen.seenWhileHeld.contains { $0 > held }, "ran ahead of the unpublished day")
        let reference = try Fixture.manifest(Fixture.simulated(world))
        #expect(reference.differences(from: try Fixture.manifest(layout), movable: true) == [])
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: layout.batch)).contains { OutboxFile(name: $0) != nil })
    }

    @Test func waitsWhileAnIngestorFileOlderThanTheLagIsInBatch() throws {
        let world = try Fixture.world(days: 5)
        let layout = Fixture.lake()
        let start = world.calendar.start
        let heldFile = LakeFileName.visitors(start).name
        // With a lag of 1 day, day start+2 may not begin while a file of `start` waits.
        let blocked = start.adding(days: 2)
        let watch = Shared((released: false, ranAhead: false, polls: 0))
        let ingestor = FakeService {
            let released = watch.read(\.released)
            if !released {
                let ahead = LakeFolders.exists(layout.path(LakeFlag.visitors(blocked).path))
                let waiting = (try? SchedulerState.load(from: layout))?.currentDate == blocked
                watch.update {
                    $0.ranAhead = $0.ranAhead || ahead
                    $0.polls += waiting ? 1 : 0
                    $0.released = $0.polls > 30
                }
            }
            FakeService.move(in: layout) { name in
                OutboxFile(name: name) == nil && DailyFile.date(of: name) != nil && (name != heldFile || released)
            }
        }
        var options = Self.noWaits
        options.waitForIngestor = true
        options.maxIngestLagDays = 1
        let outcome = try scheduler(world, layout, options).run()
        ingestor.stop()
        #expect(outcome == .complete)
        let seen = watch.read { $0 }
        #expect(seen.released && !seen.ranAhead)
        #expect(try Fixture.manifest(Fixture.simulated(world)).differences(from: try Fixture.manifest(layout), movable: true) == [])
    }

    /// The last day's admissions flag deleted as soon as it is written: the day's summary can
    /// never be published, and the scheduler, which waits for the whole outbox after the last
    /// day, waited for it for good (issue 24, item 4). A file whose flag is gone is not waited for.
    @Test func aFileWhoseFlagWasDeletedDoesNotHoldTheWindow() throws {
        let world = try Fixture.world(days: 3)
        let layout = Fixture.lake()
        let last = world.calendar.end
        let lost = layout.path(LakeFlag.admissions(last).path)
        let services = FakeService {
            if LakeFolders.exists(lost) { try? FileManager.default.removeItem(atPath: lost) }
            // A producer that publishes every outbox file but the last day's summary.
            FakeService.move(in: layout) { name in OutboxFile(name: name) != nil && name != LakeFileName.dailySummary(last).name }
        }
        var options = Self.noWaits
        options.waitForProducer = true
        let outcome = try scheduler(world, layout, options, shouldStop: Fixture.deadline(seconds: 20)).run()
        services.stop()
        #expect(outcome == .complete)
        #expect(FileManager.default.fileExists(atPath: layout.batch + "/" + LakeFileName.dailySummary(last).name))
    }

    @Test func idlesWhenCompleteUntilStoppedAndReportsIt() throws {
        let world = try Fixture.world(days: 2)
        let layout = Fixture.lake()
        try LakeFolders.create(layout)
        let health = HealthReporter(service: "scheduler", layout: layout, logger: Fixture.logger, minimumInterval: 0)
        var options = Self.noWaits
        options.exitWhenComplete = false
        let idleBeats = Shared(0)
        let stop = Fixture.deadline {
            if health.record.status == .idle { idleBeats.update { $0 += 1 } }
            return idleBeats.read { $0 > 5 }
        }
        #expect(try scheduler(world, layout, options, health: health, shouldStop: stop).run() == .complete)
        #expect(idleBeats.read { $0 } > 5)
        let record = try #require(HealthRecord.load("scheduler", in: layout))
        #expect(record.status == .stopped)
        #expect(record.counts["days_completed"] == 2 && record.counts["days_total"] == 2)
    }
}
