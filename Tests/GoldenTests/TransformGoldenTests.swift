import Foundation
import HospitalArchive
import HospitalCore
import HospitalLake
import Testing

/// Pins what the pure half of the ingestor makes of a small fixed lake (one golden-profile
/// day): every ingestor-owned file and every outbox file as the stream would carry it, each
/// table's first rows in COPY text. Golden/schema/transform.tsv; GOLDEN_RECORD=1 rewrites it.
@Suite struct TransformGoldenTests {
    @Test func transformedRowsMatchTheirFixture() throws {
        let repository = GoldenTests.repository
        let config = try HospitalConfig.load(from: repository + "/configs")
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-transform"))
        let calendar = SimCalendar(start: Profile.golden.calendar.start, end: Profile.golden.calendar.start)
        let world = try HospitalWorld(config: config, profile: Profile.golden.with(calendar: calendar), seed: Settings.defaultSeed)
        _ = try Simulation(world: world, layout: layout).run()

        var text = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: layout.batch).sorted() {
            let bytes = [UInt8](FileManager.default.contents(atPath: layout.batch + "/" + name)!)
            var kind = IngestFile(name: name)?.kind
            var input = bytes
            if let outbox = OutboxFile(name: name) {
                let events = try EventEncoder.events(outbox, bytes: bytes)
                guard !events.isEmpty else { continue }
                kind = [.transport: .transports, .transfers: .transfers, .dailySummary: .summaries][outbox.kind]
                input = events.flatMap { $0.value + [UInt8(ascii: "\n")] }
            }
            guard let kind, kind != .report else { continue }
            for tableRows in try FileTransform.rows(kind, bytes: input) {
                var sample = tableRows
                sample.rows = Array(tableRows.rows.prefix(3))
                sample.lines = Array(tableRows.lines.prefix(3))
                text += "## \(name) -> \(tableRows.table.name) (\(tableRows.rows.count) rows)\n"
                text += String(decoding: CopyText.encode(sample), as: UTF8.self)
            }
        }
        let fixture = repository + "/Golden/schema/transform.tsv"
        switch try GoldenText.check(text, fixture: fixture, name: "schema/transform.tsv") {
        case .matches: break
        case .recorded: Issue.record("recorded \(fixture); run again without GOLDEN_RECORD to verify")
        case .differs(let diff): Issue.record("\(diff)")
        }
    }
}
