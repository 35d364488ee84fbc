import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// Scripts ask `hospital files` for the lake's files by kind; the listing reads names with the grammar.
@Suite struct LakeListingTests {
    func lake(_ files: [String: String]) throws -> LakeLayout {
        let layout = LakeLayout(root: TestWorld.temporaryDirectory())
        try LakeFolders.create(layout)
        for (path, text) in files { try LakeFile.write(Array(text.utf8), to: layout.path(path)) }
        return layout
    }

    @Test func filesOfAKindComeByNameAcrossFoldersAndNoOtherName() throws {
        let layout = try lake([
            "processed/daily_visitors_2022-11-20.csv": "", "batch/daily_visitors_2022-11-21.csv": "",
            "batch/daily_visitors_2022-11-21.csv.tmp": "", "batch/daily_visitors_2022-11-22.CSV": "",
            "batch/admissions_2022-11-21.csv": "",
        ])
        let listing = LakeListing(layout: layout)
        #expect(
            listing.paths(of: [.visitors], in: ["batch", "processed"])
                == [layout.processed + "/daily_visitors_2022-11-20.csv", layout.batch + "/daily_visitors_2022-11-21.csv"])
        #expect(
            listing.paths(of: [.visitors, .admissions], in: ["batch"], date: SimDate(iso: "2022-11-21"))
                == [layout.batch + "/admissions_2022-11-21.csv", layout.batch + "/daily_visitors_2022-11-21.csv"])
    }

    /// A CSV row quoted across two lines is one event, as the producer reads it.
    @Test func outboxEventsAreRowsAndOneASummary() throws {
        let header = LakeColumns.transfers.joined(separator: ",")
        let row = LakeColumns.transfers.enumerated().map { $0.offset == 12 ? "\"two\nlines\"" : "x" }.joined(separator: ",")
        let layout = try lake([
            "batch/hospital_transfers_2022-11-20_session_1.csv": header + "\n" + row + "\n" + row + "\n",
            "processed/daily_summary_2022-11-20.json": "{}\n",
        ])
        let listing = LakeListing(layout: layout)
        #expect(try listing.events(in: listing.paths(of: LakeListing.outbox, in: ["batch", "processed"])) == 3)
    }
}
