import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalServices

/// The producer publishes an outbox file only as the scheduler wrote it: a regular file,
/// never read through a link, and equal to what its flag lists.
@Suite struct OutboxReaderTests {
    static let logger = TestWorld.logger("outbox-reader-tests", level: .critical)

    /// A two-day golden lake, its outbox still in batch/, and its first transport file.
    func lake() throws -> (LakeLayout, OutboxFile) {
        let layout = LakeLayout(root: TestWorld.temporaryDirectory())
        _ = try Simulation(world: try TestWorld.world(seed: 20_221_120, days: 2), layout: layout).run()
        let file = try #require(OutboxFile(name: LakeFileName.transport(Profile.golden.calendar.start, session: 1).name))
        return (layout, file)
    }

    func read(_ file: OutboxFile, _ layout: LakeLayout) throws -> Bool {
        let claims = OutboxClaims(layout: layout)
        guard let waiting = claims.waiting().first(where: { $0.file == file }), claims.claim(waiting) else { return false }
        var events = OutboxEvents()
        return try OutboxReader.read(file, source: .init(claims: claims, maxEventBytes: .max, logger: Self.logger), into: &events)
    }

    func report(_ name: String, _ layout: LakeLayout) throws -> QuarantineReport {
        try #require(QuarantineReport(json: LakeEntry.read(layout.failed + "/" + LakeFileName.errorReport(of: name).name)))
    }

    @Test func aFileAsTheSchedulerWroteItIsRead() throws {
        let (layout, file) = try lake()
        #expect(try read(file, layout))
    }

    /// A link to a valid copy outside the lake is not followed, and none of it is quoted.
    @Test func aLinkNamedLikeAnOutboxFileIsNeverRead() throws {
        let (layout, file) = try lake()
        let outside = TestWorld.temporaryDirectory() + "/outside.csv"
        let path = layout.batch + "/" + file.name
        try FileManager.default.moveItem(atPath: path, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
        #expect(try !read(file, layout))
        #expect(LakeEntry.kind(path) == .symbolicLink, "left for the ingestor's stranger sweep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed).isEmpty)
    }

    /// One character of a value changed, the size kept: only the digest tells, and it does.
    @Test func aFileEditedAfterItsFlagIsQuarantinedNotPublished() throws {
        let (layout, file) = try lake()
        let path = layout.batch + "/" + file.name
        var bytes = try LakeEntry.read(path)
        let last = try #require(bytes.lastIndex { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        bytes[last] -= 32  // upper-cased
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try !read(file, layout))
        #expect(LakeEntry.kind(layout.failed + "/" + file.name) == .regular)
        let report = try report(file.name, layout)
        #expect(report.problem == .flagMismatch && report.service == "producer" && report.reason.contains("differs from its flag"))
    }

    @Test func aFileNoFlagListsIsQuarantinedOnceItsStepIsOver() throws {
        let (layout, file) = try lake()
        let stranger = try #require(OutboxFile(name: LakeFileName.transport(file.date, session: 9).name))
        try FileManager.default.copyItem(atPath: layout.batch + "/" + file.name, toPath: layout.batch + "/" + stranger.name)
        #expect(try !read(stranger, layout))
        #expect(try report(stranger.name, layout).problem == .flagMismatch)
        #expect(try read(file, layout), "the file its flag lists still reads")
    }
}
