import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

/// Lake entries are asked what they are without following links, and read only when regular.
@Suite struct LakeEntryTests {
    @Test func kindsAreReadOffTheNameAndOnlyRegularFilesAreRead() throws {
        let folder = TestWorld.temporaryDirectory()
        let file = folder + "/file.csv"
        try Data("a\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: file)
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.csv", withDestinationPath: folder + "/nowhere")
        try FileManager.default.createDirectory(atPath: folder + "/dir.csv", withIntermediateDirectories: false)
        #expect(mkfifo(folder + "/fifo.csv", 0o644) == 0)
        #expect(LakeEntry.kind(file) == .regular)
        #expect(LakeEntry.kind(folder + "/link.csv") == .symbolicLink)
        #expect(LakeEntry.kind(folder + "/dangling.csv") == .symbolicLink)
        #expect(LakeEntry.kind(folder + "/dir.csv") == .directory)
        #expect(LakeEntry.kind(folder + "/fifo.csv") == .fifo)
        #expect(LakeEntry.kind(folder + "/none") == .missing)
        #expect(try LakeEntry.read(file) == Array("a\n".utf8))
        for name in ["link.csv", "dangling.csv", "dir.csv", "fifo.csv"] {
            #expect(throws: LakeError.self, "\(name)") { try LakeEntry.read(folder + "/" + name) }
        }
    }

    @Test func aCorruptStateFallsBackToItsBackupAndSaysSo() throws {
        let layout = LakeLayout(root: TestWorld.temporaryDirectory())
        let world = try TestWorld.world(seed: 7)
        let first = SchedulerState(world: world, date: world.calendar.start, status: .running)
        try first.save(to: layout)
        let second = SchedulerState(world: world, date: world.calendar.start.adding(days: 1), status: .running)
        try second.save(to: layout)
        #expect(SchedulerState.recover(from: layout).state == second)
        #expect(SchedulerState.recover(from: layout).note == nil)
        try Data("{garbage".utf8).write(to: URL(fileURLWithPath: layout.state))
        let (state, note) = SchedulerState.recover(from: layout)
        #expect(state == first)
        #expect(note?.contains(".bak") == true)
    }
}
