import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalServices

/// Whether a chunk's missing parents may still arrive is judged from the lake as it is now,
/// not only from what the pass listed when it began.
@Suite struct DependencyWatchTests {
    let layout = LakeLayout(root: TemporaryFolder.make("hospital-watch"))
    let date = Profile.golden.calendar.start

    func touch(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: path))
    }

    /// A transports chunk whose staff steps are done: only its visitors may be missing.
    func chunk() throws -> IngestFile {
        for step in [LakeFlag.Setup.staff, .workforce] { try touch(layout.path(LakeFlag.setup(step).path)) }
        let topics = TestWorld.config.kafka.topics
        return try #require(IngestFile(name: "\(topics.transport)+0+0000000000000000000.json", topic: topics.transport, topics: topics))
    }

    @Test("a day's file that reached batch/ after the pass listed it, its flag after that, is still waited for")
    func aFileThatArrivedDuringThePassIsWaitedFor() throws {
        let chunk = try chunk()
        try touch(layout.batch + "/" + LakeFileName.visitors(date).name)
        try touch(layout.path(LakeFlag.visitors(date).path))
        let watch = DependencyWatch(layout: layout)
        #expect(watch.parents(chunk, table: "visits", dates: [date], pending: []) == .mayStillCome)
        // Once the file has left batch/ (loaded, or refused), a parent still missing never comes.
        try FileManager.default.removeItem(atPath: layout.batch + "/" + LakeFileName.visitors(date).name)
        #expect(watch.parents(chunk, table: "visits", dates: [date], pending: []) == .held(lost: nil))
    }

    /// A day's visitors flag deleted while the next day's is there: the chunk's parents never
    /// come, so it is held, naming the flag, instead of waiting for good.
    @Test func aFlagBehindALaterOneOfItsStepIsNeverWaitedFor() throws {
        let chunk = try chunk()
        let watch = DependencyWatch(layout: layout)
        #expect(watch.parents(chunk, table: "visits", dates: [date], pending: []) == .mayStillCome, "no state, no later flag")
        let later = LakeFlag.visitors(date.adding(days: 1)).path
        try touch(layout.path(later))
        #expect(
            watch.parents(chunk, table: "visits", dates: [date], pending: [])
                == .held(lost: "\(LakeFlag.visitors(date).path) is missing although the later \(later) is there"))
    }
}
