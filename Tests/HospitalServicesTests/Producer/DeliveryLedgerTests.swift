import HospitalCore
import HospitalKafka
import Testing

@testable import HospitalServices

@Suite struct DeliveryLedgerTests {
    private let files = (1...3).map { OutboxFile(name: "hospital_transfers_2022-11-20_session_\($0).csv")! }

    private func report(_ token: UInt64, failed: Bool = false) -> DeliveryReport {
        DeliveryReport(
            token: MessageToken(rawValue: token), topic: "hospital.transfers", partition: 0, offset: failed ? nil : Int64(token),
            error: failed ? KafkaError(code: .timedOut, reason: "injected") : nil)
    }

    /// Files 1 and 2 of two events each, sent as tokens 1…4.
    private func ledgerOfTwoFiles() -> DeliveryLedger {
        var ledger = DeliveryLedger()
        var token: UInt64 = 0
        for file in files.prefix(2) {
            let serial = ledger.add(file, topic: "hospital.transfers", events: 2)
            for event in 0..<2 {
                token += 1
                ledger.sent(MessageToken(rawValue: token), file: serial, event: event)
            }
        }
        return ledger
    }

    /// A file is settled only when every event of it is acknowledged, and only after the files queued before it.
    @Test func filesSettleInQueueOrderOnceAllTheirEventsAreAcknowledged() {
        var ledger = ledgerOfTwoFiles()
        ledger.record([report(3), report(4), report(1)])
        #expect(ledger.settledCount == 0)
        #expect(ledger.takeSettled().isEmpty)
        ledger.record([report(2)])
        #expect(ledger.takeSettled().map(\.file) == Array(files.prefix(2)))
        #expect(ledger.isEmpty)
    }

    /// A failed event keeps its file unsettled until it is sent again and acknowledged.
    @Test func aFailedEventIsHandedBackAndItsFileWaitsForTheResend() {
        var ledger = ledgerOfTwoFiles()
        ledger.record([report(1), report(2), report(3), report(4, failed: true)])
        #expect(ledger.hasFailures)
        let failed = ledger.takeFailed()
        #expect(failed.map(\.file) == [1] && failed.map(\.events) == [[1]])
        #expect(ledger.takeSettled().map(\.file) == [files[0]])
        ledger.sent(MessageToken(rawValue: 5), file: 1, event: 1)
        #expect(ledger.settledCount == 0)
        ledger.record([report(5)])
        #expect(ledger.takeSettled().map(\.file) == [files[1]])
    }

    /// A send librdkafka refused used up its token: the reports after the gap still find
    /// their files' events, and an unknown token finds none.
    @Test func reportsAfterAGapInTheTokensFindTheirEvents() {
        var ledger = DeliveryLedger()
        let serial = ledger.add(files[0], topic: "hospital.transfers", events: 3)
        for (event, token) in [1, 3, 4].enumerated() { ledger.sent(MessageToken(rawValue: UInt64(token)), file: serial, event: event) }
        ledger.record([report(4), report(3, failed: true)])
        #expect(ledger.takeFailed().map(\.events) == [[1]])
        ledger.record([report(1)])
        #expect(ledger.settledCount == 0)
        ledger.sent(MessageToken(rawValue: 9), file: serial, event: 1)
        ledger.record([report(9)])
        #expect(ledger.takeSettled().map(\.file) == [files[0]])
    }

    @Test func aFileWithoutEventsSettlesAtOnce() {
        var ledger = DeliveryLedger()
        _ = ledger.add(files[2], topic: "hospital.transfers", events: 0)
        #expect(ledger.takeSettled().map(\.file) == [files[2]])
    }
}
