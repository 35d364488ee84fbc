import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalServices

/// Whether a chunk's missing parents may still arrive is judged from the lake as it is now,
/// not only from what the pass listed when it began.
@Suite struct DependencyWatchTests {
    @Test("a day's file that reached batch/ after the pass listed it, its flag after that, is still waited for")
    func aFileThatArrivedDuringThePassIsWaitedFor() throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-watch"))
        func touch(_ path: String) throws {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: path))
        }
        let date = Profile.golden.calendar.start
        for step in [LakeFlag.Setup.staff, .workforce] { try touch(layout.path(LakeFlag.setup(step).path)) }
        try touch(layout.batch + "/" + LakeFileName.visitors(date).name)
        try touch(layout.path(LakeFlag.visitors(date).path))
        let topics = TestWorld.config.kafka.topics
        let chunk = try #require(
            IngestFile(name: "\(topics.transport)+0+0000000000000000000.json", topic: topics.transport, topics: topics))
        let watch = DependencyWatch(layout: layout)
        #expect(watch.mayStillArrive(chunk, table: "visits", dates: [date], pending: []))
        // Once the file has left batch/ (loaded, or refused), a parent still missing never comes.
        try FileManager.default.removeItem(atPath: layout.batch + "/" + LakeFileName.visitors(date).name)
        #expect(!watch.mayStillArrive(chunk, table: "visits", dates: [date], pending: []))
    }
}
