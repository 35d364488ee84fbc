import Foundation
import HospitalArchive
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// The golden lakes (docs/profiles-and-goldens.md §Goldens): the generator must write exactly the recorded bytes. Set
/// GOLDEN_RECORD=1 (or run ci/regen-goldens.sh) to rewrite them; a recording run fails on
/// purpose so CI can never pass by recording.
@Suite(.serialized) struct GoldenTests {
    static let repository = TestWorld.repository
    static var recording: Bool { ProcessInfo.processInfo.environment["GOLDEN_RECORD"] != nil }

    private func generate(_ profile: Profile) throws -> LakeLayout {
        let config = try HospitalConfig.load(from: Self.repository + "/configs")
        let layout = LakeLayout(root: temporaryLake(profile.name))
        let world = try HospitalWorld(config: config, profile: profile, seed: Settings.defaultSeed)
        #expect(try Simulation(world: world, layout: layout).run() == .complete)
        return layout
    }

    private func check(_ profile: Profile, archive: Bool) throws -> LakeLayout {
        let layout = try generate(profile)
        let golden = GoldenLake(folder: Self.repository + "/Golden/" + profile.name)
        let header = LakeManifest.header(profile: profile.name, seed: Settings.defaultSeed)
        if Self.recording {
            try golden.record(lake: layout, header: header, withArchive: archive)
            Issue.record("recorded \(golden.manifestPath); run again without GOLDEN_RECORD to verify")
            return layout
        }
        let problems = try golden.verify(lake: layout, header: header)
        let count = problems.count
        #expect(count == 0, "golden \(profile.name) differs:\n\(problems.prefix(8).joined(separator: "\n"))\n\(problems.last ?? "")")
        return layout
    }

    @Test func goldenProfileMatchesItsSnapshot() throws {
        let layout = try check(.golden, archive: true)
        guard !Self.recording else { return }
        let archive = try Gzip.decompress(
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Golden/golden/lake.tar.gz"))))
        let entries = try Tar.entries(archive)
        #expect(entries.map(\.path) == LakeManifest.files(in: layout))
        for entry in entries {
            let generated = [UInt8](try Data(contentsOf: URL(fileURLWithPath: layout.path(entry.path))))
            let same = generated == entry.content
            #expect(same, "\(entry.path) differs from lake.tar.gz")
        }
    }

    /// The golden lake holds exactly the files and flags docs/lake.md names, expanded over
    /// the golden calendar: a file the writer adds, drops or renames without the doc fails.
    @Test func goldenLakeHoldsEveryFileAndFlagOfTheDesign() throws {
        let layout = try generate(.golden)
        let files = Set(LakeManifest.files(in: layout))
        let documented = try DocumentedLake(path: Self.repository + "/docs/lake.md").names(over: Profile.golden.calendar)
        #expect(documented.subtracting(files).sorted() == [], "named by docs/lake.md, not in the lake")
        #expect(files.subtracting(documented).sorted() == [], "in the lake, not named by docs/lake.md")
    }

    @Test func tinyProfileMatchesItsManifestAndCompletes() throws {
        let layout = try check(.tiny, archive: false)
        let state = try #require(try SchedulerState.load(from: layout))
        #expect(state.currentDate.description == "2025-03-31")
        #expect(state.status == .complete)
    }

    @Test func oneChangedByteIsCaughtAndShown() throws {
        let layout = try generate(.golden)
        let golden = GoldenLake(folder: Self.repository + "/Golden/golden")
        let header = LakeManifest.header(profile: "golden", seed: Settings.defaultSeed)
        let victim = layout.path("batch/" + LakeFileName.admissions(Profile.golden.calendar.start).name)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: victim)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: victim))
        let problems = try golden.verify(lake: layout, header: header)
        #expect(problems.first?.hasPrefix("differs batch/admissions_2022-11-20.csv") == true)
        #expect(problems.contains { $0.contains("--- golden/batch/admissions_2022-11-20.csv") && $0.contains("\n+") })
    }

    @Test func movedFilesStillMatchWhenAllowed() throws {
        let layout = try generate(.golden)
        let golden = GoldenLake(folder: Self.repository + "/Golden/golden")
        let header = LakeManifest.header(profile: "golden", seed: Settings.defaultSeed)
        let name = LakeFileName.visitors(Profile.golden.calendar.start).name
        try FileManager.default.moveItem(atPath: layout.batch + "/" + name, toPath: layout.processed + "/" + name)
        #expect(try golden.verify(lake: layout, header: header, movable: true) == [])
        #expect(try golden.verify(lake: layout, header: header).contains("missing batch/" + name))
    }

    private func temporaryLake(_ name: String) -> String {
        TemporaryFolder.make("hospital-golden-\(name)")
    }
}
