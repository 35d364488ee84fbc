import HospitalCore
import Testing

/// The name a producer gives an outbox file it holds (docs/lake.md §In-flight files).
@Suite struct InFlightNameTests {
    let owner = ProducerToken(namespace: 4_026_531_836, pid: 4_321, start: 987_654)

    @Test func anInFlightNameCarriesTheOutboxNameAndItsHolder() throws {
        let outbox = "hospital_transfers_2022-11-21_session_2.csv"
        let name = LakeFileName.inFlight(of: outbox, owner: owner).name
        #expect(name == outbox + ".in-flight.4026531836-4321-987654")
        #expect(LakeFileName(name: name) == .inFlight(of: outbox, owner: owner))
        #expect(LakeFileName(name: name)?.date == SimDate(iso: "2022-11-21"))
        #expect(OutboxFile(entry: name) == OutboxFile(name: outbox))
        #expect(OutboxFile(name: name) == nil)
        #expect(OutboxFile(entry: outbox) == OutboxFile(name: outbox))
    }

    @Test func onlyAnOutboxFileCanBeInFlightAndOnlyUnderAWellFormedToken() {
        for name in [
            "admissions_2022-11-21.csv.in-flight.1-2-3", "daily_summary_2022-11-21.json.in-flight.1-2",
            "daily_summary_2022-11-21.json.in-flight.1-0-3", "daily_summary_2022-11-21.json.in-flight.01-2-3",
            "daily_summary_2022-11-21.json.in-flight.1-2-3-4", "daily_summary_2022-11-21.json.in-flight.a-2-3",
            ".in-flight.1-2-3",
        ] {
            #expect(LakeFileName(name: name) == nil, "\(name)")
            #expect(OutboxFile(entry: name) == nil, "\(name)")
        }
        #expect(LakeFileName(name: "daily_summary_2022-11-21.json.in-flight.0-2-3")?.kind == .inFlight)
    }
}
