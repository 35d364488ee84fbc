import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Testing

/// A topic folder of stream/ replaced by a link to a folder outside the lake: the ingestor
/// neither reads nor moves anything there, and the link itself goes to failed/.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(2)))
struct IngestorLinkedFolderTests {
    typealias F = WarehouseFixture

    @Test func aLinkedTopicFolderIsQuarantinedAndNothingBehindItIsTouched() async throws {
        let layout = try F.lake(days: 2)
        let topic = F.config.kafka.topics.transport
        let outside = TemporaryFolder.make("hospital-outside")
        try FileManager.default.removeItem(atPath: outside)
        try FileManager.default.moveItem(atPath: layout.stream + "/" + topic, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: layout.stream + "/" + topic, withDestinationPath: outside)
        let before = try FileManager.default.contentsOfDirectory(atPath: outside).sorted()
        #expect(!before.isEmpty)

        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        while try ingestor.drainOnce().loaded > 0 {}

        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).sorted() == before, "nothing moved out of the folder")
        #expect(LakeEntry.kind(layout.failed + "/" + topic) == .symbolicLink)
        let report = try #require(QuarantineReport(json: LakeEntry.read(layout.failed + "/" + topic + ".error.json")))
        #expect(report.problem == .notRegular && report.file == "stream/" + topic)
        #expect(try F.count(connection, "emergency_transport.transports") == 0)
        #expect(try F.count(connection, "(SELECT 1 FROM ingest.files WHERE file_name LIKE '\(topic)+%') AS landed") == 0)
    }
}
