import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import Testing

/// `hospital status` counts what the lake's files say.
@Suite struct PipelineStatusTests {
    typealias Fixture = SchedulerFixture

    private func status(_ layout: LakeLayout, _ world: HospitalWorld) -> PipelineStatus {
        PipelineStatus(calendar: world.calendar, snapshot: LakeSnapshot.read(layout), now: 2_000)
    }

    @Test func aSimulatedLakeIsGeneratedButNotPublished() throws {
        let world = try Fixture.world()
        let layout = try Fixture.simulated(world)
        let status = status(layout, world)
        #expect(status.setupDone == 5 && status.generated == 4 && status.published == 0 && status.landed == 0)
        #expect(status.loaded == nil && status.failedFiles == 0)
        #expect(status.waitingInBatch == (try FileManager.default.contentsOfDirectory(atPath: layout.batch)).count)
        #expect(status.state?.status == .complete)
        #expect(status.lines.contains("generated  4 of 4 days"))
        #expect(status.lines.contains("setup      5 of 5 steps"))
    }

    @Test func countsPublishedLandedLoadedAndFailedDays() throws {
        let world = try Fixture.world()
        let layout = try Fixture.simulated(world)
        let first = world.calendar.start
        // The producer published the first day's outbox (its transports and its summary).
        FakeService.move(in: layout) { OutboxFile(name: $0).map { $0.date == first && $0.kind != .transfers } ?? false }
        // The stream processor landed one event per outbox row of the first date.
        let expected = LakeSnapshot.read(layout).outboxRows[first] ?? 0
        let line = "{\"event_id\":\"x\",\"sim_date\":\"\(first)\",\"session\":1}\n"
        try FileManager.default.createDirectory(atPath: layout.stream + "/hospital.transport", withIntermediateDirectories: true)
        try LakeFile.write(
            Array(String(repeating: line, count: expected).utf8),
            to: layout.stream + "/hospital.transport/"
                + LakeFileName.streamChunk(.init(topic: "hospital.transport", partition: 0, firstOffset: 0)).name)
        try LakeFile.write(Array("x".utf8), to: layout.failed + "/bad.csv")
        try LakeFile.write(Array("{}".utf8), to: layout.failed + "/bad.csv.error.json")
        let ingestor = HealthReporter(service: "batch-ingestor", layout: layout, logger: Fixture.logger, now: { 1_990 })
        ingestor.beat(counts: ["days_loaded": 2])

        let status = status(layout, world)
        #expect(expected > 1)
        #expect(status.published == 1 && status.landed == 1 && status.landedEvents == expected)
        #expect(status.loaded == 2 && status.failedFiles == 1)
        #expect(status.lines.contains("published  1 of 4 days"))
        #expect(status.lines.contains("loaded     2 of 4 days"))
        #expect(status.lines.contains("service    batch-ingestor running, beat 10s ago"))
    }

    /// A scheduler held back by the ingestor: status names what it waits for and since when,
    /// and gives no ETA (it said "eta 1s" while the run was blocked for good).
    @Test func aWaitingServiceIsNamedWithWhatItWaitsForAndSinceWhen() throws {
        let world = try Fixture.world()
        let layout = try Fixture.simulated(world)
        final class Clock: @unchecked Sendable { var now = 10.0 }
        let clock = Clock()
        let scheduler = HealthReporter(service: "scheduler", layout: layout, logger: Fixture.logger, minimumInterval: 0, now: { clock.now })
        clock.now = 100
        scheduler.beat(.running, detail: "generated", counts: ["days_completed": 3, "days_total": 4, "days_run": 3])
        #expect(status(layout, world).etaSeconds == 30)
        for time in [1_000.0, 1_500, 1_900] {
            clock.now = time
            scheduler.beat(.waiting, detail: "for ingestor: admissions_2022-11-21.csv")
        }
        let status = status(layout, world)
        #expect(status.etaSeconds == nil)
        #expect(!status.lines.contains { $0.hasPrefix("eta") }, "\(status.lines)")
        #expect(
            status.lines.contains("waiting    scheduler for ingestor: admissions_2022-11-21.csv since 1970-01-01T00:16:40Z (1000s)"),
            "\(status.lines)")
    }

    @Test func aDayIsNotPublishedWhileItsPreviousDaysTransfersWait() throws {
        let world = try Fixture.world()
        let layout = try Fixture.simulated(world)
        let second = world.calendar.start.adding(days: 1)
        // Day 2 publishes its own transports and summary, but day 1's transfers, written on day 2, are still waiting.
        FakeService.move(in: layout) { OutboxFile(name: $0).map { $0.date == second && $0.kind != .transfers } ?? false }
        #expect(status(layout, world).published == 0)
        FakeService.move(in: layout) { OutboxFile(name: $0).map { $0.date == second.adding(days: -1) && $0.kind == .transfers } ?? false }
        #expect(status(layout, world).published == 1)
    }

    @Test func countsEventsBySimDate() {
        var counts: [SimDate: Int] = [:]
        LakeSnapshot.countSimDates(
            Array("{\"sim_date\":\"2022-11-20\"}\n{\"sim_date\":\"2022-11-21\"}\n{\"sim_date\":\"2022-11-20\"}".utf8), into: &counts)
        #expect(counts == [SimDate(iso: "2022-11-20")!: 2, SimDate(iso: "2022-11-21")!: 1])
    }

    /// Near misses are not dates, a key right after a stray quote still is, and a date that
    /// ends the file is counted; a cut-off one is not.
    @Test func countsOnlyWholeSimDateMembers() {
        var counts: [SimDate: Int] = [:]
        let text =
            #"{"sim_dat":"2022-11-22","x_sim_date":"2022-11-23","sim_date":"not-a-date","#
            + #""note":"""sim_date":"2022-11-24"}"# + "\n" + #"{"sim_date":"2022-11-25""# + "\n" + #"{"sim_date":"2022-11-2"#
        LakeSnapshot.countSimDates(Array(text.utf8), into: &counts)
        #expect(counts == [SimDate(iso: "2022-11-24")!: 1, SimDate(iso: "2022-11-25")!: 1])
        counts = [:]
        LakeSnapshot.countSimDates([], into: &counts)
        #expect(counts.isEmpty)
    }
}

/// `status` says who quarantined what, counts a chunk the ingestor quarantined as landed (the
/// stream processor did land it), and reads a corrupt state from its backup, saying so.
@Suite struct PipelineStatusFailedTests {
    typealias Fixture = SchedulerFixture

    @Test func namesTheServiceBehindEachReportAndLandsWhatTheIngestorSetAside() throws {
        let world = try Fixture.world()
        let layout = try Fixture.simulated(world)
        let first = world.calendar.start
        let line = "{\"event_id\":\"x\",\"sim_date\":\"\(first)\",\"session\":1}\n"
        try FileManager.default.createDirectory(atPath: layout.stream + "/hospital.transport", withIntermediateDirectories: true)
        let chunk = layout.stream + "/hospital.transport/hospital.transport+0+0000000000000000000.json"
        try LakeFile.write(Array(String(repeating: line, count: 3).utf8), to: chunk)
        let before = LakeSnapshot.read(layout).landedEvents[first]
        let ingestor = Quarantine(layout: layout, service: "batch-ingestor")
        try ingestor.move(chunk, ingestor.report(.malformedJSON, file: layout.relative(chunk), reason: "test"))
        try LakeFile.write(Array("x".utf8), to: layout.batch + "/hospital_emergency_transport_2030-01-01_session_1.csv")
        let producer = Quarantine(layout: layout, service: "producer")
        let outbox = layout.batch + "/hospital_emergency_transport_2030-01-01_session_1.csv"
        try producer.move(outbox, producer.report(.malformedCSV, file: layout.relative(outbox), reason: "test"))
        let snapshot = LakeSnapshot.read(layout)
        #expect(snapshot.landedEvents[first] == before, "the quarantined chunk still counts as landed")
        let status = PipelineStatus(calendar: world.calendar, snapshot: snapshot, now: 2_000)
        #expect(status.lines.contains("failed     2 files (reports by batch-ingestor 1, producer 1)"), "\(status.lines)")
    }

    @Test func aCorruptStateIsReadFromItsBackupAndSaysSo() throws {
        let world = try Fixture.world()
        let layout = try Fixture.simulated(world)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: layout.state))
        let status = PipelineStatus(calendar: world.calendar, snapshot: LakeSnapshot.read(layout), now: 2_000)
        #expect(status.state != nil)
        #expect(status.lines[0].contains("read scheduler_state.json.bak"), "\(status.lines[0])")
    }
}
