import HospitalCore
import HospitalTestSupport
import Testing

@testable import HospitalServices

/// The first look at a listed file is a pure function of its name, digest and ledger entry.
@Suite struct IngestDecisionTests {
    let calendar = SimCalendar(start: SimDate(year: 2022, month: 11, day: 20), end: SimDate(year: 2022, month: 12, day: 3))
    let topics = TestWorld.config.kafka.topics

    func decide(_ name: String, sha256: String = "b", loaded: Set<String> = []) throws -> IngestDecision {
        let file = try #require(IngestFile(name: name))
        return IngestDecision.decide(file, sha256: sha256, loaded: loaded, calendar: calendar)
    }

    @Test func aNewBatchFileIsLoadedAndAReportArchived() throws {
        #expect(try decide("admissions_2022-11-21.csv") == .loadBatch)
        #expect(try decide("hospital_summary_2022-11-21.txt") == .archiveReport)
    }

    @Test func aFileDatedOutsideTheCalendarIsRefusedBeforeAnythingElse() throws {
        #expect(try decide("admissions_2022-12-04.csv", loaded: ["b"]) == .outsideCalendar(SimDate(year: 2022, month: 12, day: 4)))
        // A month's schedules count when the month overlaps the calendar at all.
        #expect(try decide("schedules_2022-11.csv") == .loadBatch)
        #expect(try decide("schedules_2022-10.csv") == .outsideCalendar(SimDate(year: 2022, month: 10, day: 1)))
    }

    @Test func theSameBytesAreLoadedOnceAndOtherBytesNeverReplaceThem() throws {
        #expect(try decide("daily_visitors_2022-11-20.csv", sha256: "a", loaded: ["a"]) == .loadedAlready)
        #expect(try decide("daily_visitors_2022-11-20.csv", sha256: "c", loaded: ["b", "a"]) == .replaced(previous: "a"))
    }

    /// A re-delivered chunk with other events loads again: its events insert once each.
    @Test func aChunkWithOtherBytesUnderItsNameLoadsAgain() throws {
        let file = try #require(IngestFile(name: "hospital.transport+0+0000000000000000000.json", topic: topics.transport, topics: topics))
        #expect(IngestDecision.decide(file, sha256: "c", loaded: ["a"], calendar: calendar) == .loadChunk)
        #expect(IngestDecision.decide(file, sha256: "a", loaded: ["a"], calendar: calendar) == .loadedAlready)
    }
}

/// Parents before children across workers: a child waits while its parent is unsettled.
@Suite struct IngestParentOrderTests {
    func file(_ name: String) throws -> IngestFile { try #require(IngestFile(name: name)) }

    @Test func aSnapshotWaitsWhileTheRosterIsInAnotherWorkersHands() throws {
        let roster = try file("staff_data.csv")
        #expect(IngestDecision.waitsForParent(try file("staff_active_2022-11-20.csv"), unsettled: [roster]))
        #expect(IngestDecision.waitsForParent(try file("schedules_2022-11.csv"), unsettled: [roster]))
        #expect(!IngestDecision.waitsForParent(try file("staff_active_2022-11-20.csv"), unsettled: []))
        #expect(!IngestDecision.waitsForParent(try file("reserve_pool.csv"), unsettled: [roster]), "not a child of the roster")
    }

    @Test func aDaysChildWaitsForThatDaysParentOnly() throws {
        let visitors = try file("daily_visitors_2022-11-21.csv")
        #expect(IngestDecision.waitsForParent(try file("admissions_2022-11-21.csv"), unsettled: [visitors]))
        #expect(!IngestDecision.waitsForParent(try file("admissions_2022-11-22.csv"), unsettled: [visitors]))
        #expect(!IngestDecision.waitsForParent(try file("daily_visitors_2022-11-22.csv"), unsettled: [visitors]), "a sibling")
    }
}

/// A file whose parent rows are missing waits only while a supplier may still bring them.
@Suite struct IngestParentWaitTests {
    typealias Step = IngestDecision.SupplierStep
    let lost = ".daily_flags/visitors_2022-11-21.flag is missing although the scheduler is past that step"

    @Test func itWaitsWhileASupplierFileWaitsOrItsFlagMayStillCome() {
        #expect(IngestDecision.parents([Step(arrival: .arrived, fileWaiting: true)]) == .mayStillCome)
        #expect(IngestDecision.parents([Step(arrival: .mayStillCome, fileWaiting: false)]) == .mayStillCome)
        #expect(
            IngestDecision.parents([Step(arrival: .never(lost), fileWaiting: false), Step(arrival: .mayStillCome, fileWaiting: false)])
                == .mayStillCome)
    }

    /// A flag that never comes holds its dependants with the reason: waiting for it hung the
    /// whole pipeline (issue 24, item 4).
    @Test func aFlagThatNeverComesHoldsItNamingTheFlag() {
        #expect(
            IngestDecision.parents([Step(arrival: .arrived, fileWaiting: false), Step(arrival: .never(lost), fileWaiting: false)])
                == .held(lost: lost))
        #expect(IngestDecision.parents([Step(arrival: .arrived, fileWaiting: false)]) == .held(lost: nil))
        #expect(IngestDecision.parents([]) == .held(lost: nil))
    }
}
