import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

@Suite struct SimulationTests {
    private func simulate(seed: UInt64, days: Int = 5, into folder: String, until: SimDate? = nil, stopAfter: Int? = nil) throws
        -> Simulation.Outcome
    {
        let simulation = Simulation(world: try TestWorld.world(seed: seed, days: days), layout: LakeLayout(root: folder))
        var completed = 0
        return try simulation.run(
            until: until, shouldStop: { stopAfter.map { completed >= $0 } ?? false }, progress: { _ in completed += 1 })
    }

    private func manifest(_ folder: String) throws -> LakeManifest {
        try LakeManifest.scan(LakeLayout(root: folder), header: "#")
    }

    @Test func twoRunsWithOneSeedGiveIdenticalTrees() throws {
        let a = TestWorld.temporaryDirectory(), b = TestWorld.temporaryDirectory()
        #expect(try simulate(seed: 1, into: a) == .complete)
        #expect(try simulate(seed: 1, into: b) == .complete)
        #expect(try manifest(a) == manifest(b))
    }

    @Test func anotherSeedGivesADifferentTree() throws {
        let a = TestWorld.temporaryDirectory(), b = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 1, into: a)
        _ = try simulate(seed: 2, into: b)
        let first = try manifest(a), second = try manifest(b)
        #expect(first.entries.map(\.path) == second.entries.map(\.path))
        #expect(
            first.entries.filter { $0.path.hasSuffix(".csv") }.map(\.sha256)
                != second.entries.filter { $0.path.hasSuffix(".csv") }.map(\.sha256))
    }

    @Test(arguments: [0, 1, 3])
    func resumesAfterInterruptionWithIdenticalBytes(stopAfter: Int) throws {
        let whole = TestWorld.temporaryDirectory(), parts = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 3, into: whole)
        let outcome = try simulate(seed: 3, into: parts, stopAfter: stopAfter)
        #expect(outcome == .stopped(next: Profile.fullCalendar.start.adding(days: stopAfter)))
        #expect(try simulate(seed: 3, into: parts) == .complete)
        #expect(try manifest(parts) == manifest(whole))
    }

    @Test func untilStopsAfterThatDayAndResumes() throws {
        let whole = TestWorld.temporaryDirectory(), parts = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 5, into: whole)
        let until = Profile.fullCalendar.start.adding(days: 1)
        #expect(try simulate(seed: 5, into: parts, until: until) == .stopped(next: until.adding(days: 1)))
        let state = try #require(try SchedulerState.load(from: LakeLayout(root: parts)))
        #expect(state.currentDate == until.adding(days: 1) && state.status == .running)
        _ = try simulate(seed: 5, into: parts)
        #expect(try manifest(parts) == manifest(whole))
    }

    @Test func aHalfWrittenTemporaryFileIsReplacedOnResume() throws {
        let whole = TestWorld.temporaryDirectory(), parts = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 6, into: whole)
        _ = try simulate(seed: 6, into: parts, stopAfter: 1)
        let stray = LakeLayout(root: parts).batch + "/" + LakeFileName.visitors(Profile.fullCalendar.start.adding(days: 1)).name + ".tmp"
        try Data("half a fi".utf8).write(to: URL(fileURLWithPath: stray))
        _ = try simulate(seed: 6, into: parts)
        #expect(try manifest(parts) == manifest(whole))
        // Manifests skip temporary names, so look for the stray itself: it was written over and renamed.
        let left = try FileManager.default.subpathsOfDirectory(atPath: parts).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    @Test func endsOnTheLastDayWithStatusComplete() throws {
        let folder = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 1, days: 3, into: folder)
        let state = try #require(try SchedulerState.load(from: LakeLayout(root: folder)))
        #expect(state.currentDate == Profile.fullCalendar.start.adding(days: 2))
        #expect(state.status == .complete)
        #expect(state.daysCompleted == 3 && state.daysTotal == 3)
        #expect(FileManager.default.fileExists(atPath: LakeLayout(root: folder).state + ".bak"))
    }

    @Test func flagsRecordEachOutputWithItsDigest() throws {
        let folder = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 1, days: 2, into: folder)
        let layout = LakeLayout(root: folder)
        let date = Profile.fullCalendar.start.adding(days: 1)
        let flag =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: layout.path(LakeFlag.transport(date, session: 2).path)))) as! [String: Any]
        #expect(flag["step"] as? String == "transport")
        #expect(flag["date"] as? String == date.description)
        #expect(flag["session"] as? Int == 2)
        let outputs = flag["outputs"] as! [[String: Any]]
        #expect(outputs.count == 2)
        let csv = outputs[0]["file"] as! String
        #expect(csv == "batch/" + LakeFileName.transport(date, session: 2).name)
        let actual = LakeManifest.entry(path: csv, data: try Data(contentsOf: URL(fileURLWithPath: layout.path(csv))))
        #expect(outputs[0]["sha256"] as? String == actual.sha256)
        #expect(outputs[0]["rows"] as? Int == actual.rows)
    }

    @Test func refusesALakeWrittenWithAnotherSeed() throws {
        let folder = TestWorld.temporaryDirectory()
        _ = try simulate(seed: 1, days: 2, into: folder, stopAfter: 1)
        #expect(throws: LakeError.self) { try simulate(seed: 2, days: 2, into: folder) }
    }
}
