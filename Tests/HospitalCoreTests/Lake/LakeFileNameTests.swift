import Foundation
import HospitalCore
import HospitalTestSupport
import Testing

@Suite struct LakeFileNameTests {
    /// Every path of the golden lake, from its committed manifest (written by the generator of
    /// an earlier commit, so this does not ask the grammar to agree with itself).
    static func goldenPaths() throws -> [String] {
        let manifest = try String(contentsOfFile: TestWorld.repository + "/Golden/golden/MANIFEST.tsv", encoding: .utf8)
        return manifest.split(separator: "\n").dropFirst(2).map { String($0.split(separator: "\t")[0]) }
    }

    @Test func everyNameOfTheGoldenLakeReadsBackToItself() throws {
        let paths = try Self.goldenPaths()
        #expect(paths.count > 400)
        for path in paths {
            let name = String(path.split(separator: "/").last!)
            let parsed = try #require(LakeFileName(name: name), "\(path)")
            #expect(parsed.name == name)
            #expect(LakeFileName(name: parsed.name) == parsed)
        }
    }

    @Test func aNameSaysItsKindDateAndSessionAsTheLakeTableDoes() throws {
        let day = try #require(SimDate(iso: "2022-11-21"))
        #expect(LakeFileName(name: "daily_visitors_2022-11-21.csv") == .visitors(day))
        #expect(LakeFileName(name: "hospital_transfers_2022-11-21_session_5.txt") == .transfersReport(day, session: 5))
        #expect(LakeFileName(name: "schedules_2022-11.csv")?.date == SimDate(iso: "2022-11-01"))
        #expect(LakeFileName(name: "transport_2022-11-21_session_3.flag") == .flag(.transport(day, session: 3)))
        #expect(LakeFlag.transfers(day, session: 2).path == ".daily_flags/transfers_2022-11-21_session_2.flag")
        #expect(LakeFlag.setup(.schedules).path == ".setup_flags/schedules_generated.flag")
        #expect(LakeFileName(name: "scheduler_state.json.bak") == .stateBackup)
        #expect(LakeFileName(name: "staff_data.csv.error.json") == .errorReport(of: "staff_data.csv"))
    }

    /// A day's transfers are written on the next day, so their step is over a day later.
    @Test func coveringFlagsFollowTheStepThatWritesTheFile() throws {
        let day = try #require(SimDate(iso: "2022-11-21"))
        #expect(LakeFileName.transfersReport(day, session: 1).coveringFlag == .transfers(day, session: 1))
        #expect(LakeFileName.transfersReport(day, session: 1).coveringFlag?.writtenOn == day.adding(days: 1))
        #expect(LakeFileName.hospitalSummary(day).coveringFlag == .admissions(day))
        #expect(LakeFileName.workforceSummary(day).coveringFlag?.writtenOn == nil)
        #expect(LakeFileName.streamChunk(StreamChunkName(topic: "t", partition: 0, firstOffset: 0)).coveringFlag == nil)
    }

    @Test func streamChunkNamesPadTheirOffsetAndReadBack() {
        let chunk = StreamChunkName(topic: "hospital.transport", partition: 12, firstOffset: 3_456)
        #expect(LakeFileName.streamChunk(chunk).name == "hospital.transport+12+0000000000000003456.json")
        for name in [chunk].flatMap({ [LakeFileName.streamChunk($0), .setAside($0), .offsetGap($0)] }) {
            #expect(LakeFileName(name: name.name) == name)
        }
    }

    @Test(arguments: [
        "", "daily_visitors_2022-11-20.CSV", "daily_visitors_2022-13-01.csv", "daily_visitors_2022-11-20.csv.tmp",
        "daily_visitors_.csv", "admissions_2022-11-20", "batch/admissions_2022-11-20.csv",
        "hospital_emergency_transport_2022-11-20_session_0.csv", "hospital_emergency_transport_2022-11-20_session_01.csv",
        "hospital_emergency_transport_2022-11-20_session_1_session_2.csv", "hospital_emergency_transport_2022-11-20.csv",
        "daily_summary_2022-11-20.csv", "schedules_2022-11-01.csv", "staff_data.csv.bak",
        "hospital.transport+0+5.json", "hospital.transport+-1+0000000000000000000.json",
        "hospital transport+0+0000000000000000000.json", "hospital.transport+0+0000000000000000000+1.json",
        "visitors_2022-11-20_session_1.flag", "transport_2022-11-20.flag", "people.flag", ".flag", ".error.json",
        "notes.set-aside.jsonl",
    ])
    func malformedNamesAreRefused(_ name: String) {
        #expect(LakeFileName(name: name) == nil)
    }
}
