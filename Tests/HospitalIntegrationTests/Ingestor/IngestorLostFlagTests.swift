import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Testing

/// A daily flag deleted while its file waits (issue 24, item 4): the file is refused, and
/// what depends on it (the day's admissions, every event of that day) is held with the
/// reason instead of waiting forever, so nothing of that day stays in batch/ and the
/// scheduler's window, which counts the ingestor's files left in batch/, moves on.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorLostFlagTests {
    typealias F = WarehouseFixture
    let day = Profile.golden.calendar.start.adding(days: 1)

    /// Loads until two passes in a row load nothing; returns the last.
    func drain(_ ingestor: BatchIngestor) throws -> BatchIngestor.Pass {
        var (quiet, last) = (0, BatchIngestor.Pass())
        while quiet < 2 {
            last = try ingestor.drainOnce()
            quiet = last.loaded == 0 ? quiet + 1 : 0
        }
        return last
    }

    func report(_ layout: LakeLayout, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: layout.failed + "/" + name + ".error.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Everything of the other days loads; the day's visitors are refused, its admissions and
    /// its events held, each naming the flag that never comes.
    func expectHeld(_ layout: LakeLayout, _ ingestor: BatchIngestor, _ connection: PQConnection, lost: String) throws {
        let last = try drain(ingestor)
        #expect(last.waiting == 0, "nothing waits for a flag that never comes")
        let batch = try FileManager.default.contentsOfDirectory(atPath: layout.batch)
        #expect(batch.isEmpty, "left in batch/: \(batch)")
        #expect(DailyFile.ingestorFiles(batch, before: Profile.golden.calendar.end).isEmpty, "the scheduler's window is open")
        let visitors = LakeFileName.visitors(day).name
        let refused = try report(layout, visitors)
        #expect(refused["problem"] as? String == "flag_mismatch")
        #expect((refused["reason"] as? String)?.contains(lost) == true, "\(refused)")
        let admissions = try report(layout, LakeFileName.admissions(day).name)
        #expect(admissions["problem"] as? String == "missing_reference")
        #expect(admissions["held_by"] as? String == visitors, "\(admissions)")
        #expect((admissions["reason"] as? String)?.contains(lost) == true, "\(admissions)")
        let setAside = try FileManager.default.contentsOfDirectory(atPath: layout.failed).filter { $0.hasSuffix(".set-aside.jsonl") }
        let events = try setAside.map { try String(contentsOfFile: layout.failed + "/" + $0, encoding: .utf8) }.joined()
        #expect(events.contains(lost), "the day's transports are set aside, naming the flag")
        let others = [Profile.golden.calendar.start, day.adding(days: 1)].map { LakeFileName.admissions($0).name }
        #expect(
            try F.count(connection, "hospital_admissions.admissions")
                == others.map { try! F.csvRows(layout, prefix: $0).count }.reduce(0, +))
    }

    @Test func aFlagDeletedBeforeTheSchedulerPassedItsDayHoldsItsDependants() async throws {
        let layout = try F.lake(days: 3)
        try FileManager.default.removeItem(atPath: layout.path(LakeFlag.visitors(day).path))
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        try expectHeld(
            layout, ingestor, connection, lost: "\(LakeFlag.visitors(day).path) is missing although the scheduler is past that step")
    }

    /// With no state to read, a later day's flag of the same step says the flag is lost.
    @Test func aFlagMissingBehindALaterOneHoldsItsDependantsWithoutAState() async throws {
        let layout = try F.lake(days: 3)
        try FileManager.default.removeItem(atPath: layout.path(LakeFlag.visitors(day).path))
        try FileManager.default.removeItem(atPath: layout.state)
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        try expectHeld(
            layout, ingestor, connection,
            lost: "\(LakeFlag.visitors(day).path) is missing although the later \(LakeFlag.visitors(day.adding(days: 1)).path) is there")
    }
}
