import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// A folder below the lake's top is checked each time a service writes into it.
@Suite struct LakeFolderTests {
    func lake() throws -> LakeLayout {
        let layout = LakeLayout(root: TestWorld.temporaryDirectory())
        try LakeFolders.create(layout)
        return layout
    }

    @Test func aMissingFolderIsMadeAndAFolderIsLeftAlone() throws {
        let layout = try lake()
        let quarantine = Quarantine(layout: layout, service: "stream-processor")
        let folder = layout.stream + "/hospital.transport"
        #expect(try LakeFolders.ensureFolder(folder, quarantine: quarantine) == false)
        #expect(LakeEntry.kind(folder) == .directory)
        #expect(try LakeFolders.ensureFolder(folder, quarantine: quarantine) == false)
    }

    /// A link in a topic folder's place would carry the events out of the lake.
    @Test func aLinkInAFoldersPlaceGoesToFailedUnfollowedAndAFolderTakesItsPlace() throws {
        let layout = try lake()
        let outside = TestWorld.temporaryDirectory("outside")
        try Data("kept".utf8).write(to: URL(fileURLWithPath: outside + "/keep.json"))
        let folder = layout.stream + "/hospital.transfers"
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: outside)
        #expect(try LakeFolders.ensureFolder(folder, quarantine: Quarantine(layout: layout, service: "stream-processor")))
        #expect(LakeEntry.kind(folder) == .directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(LakeEntry.kind(layout.failed + "/hospital.transfers") == .symbolicLink)
        let report = try #require(QuarantineReport(json: LakeEntry.read(layout.failed + "/hospital.transfers.error.json")))
        #expect(report.problem == .notRegular && report.file == "stream/hospital.transfers")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["keep.json"])
    }
}
