import Foundation
import HospitalCore
import HospitalLake
import Logging

/// The scheduler's waits between steps (docs/lake.md §Daily steps, step 4): windows, not
/// handshakes. The producer and the ingestor may each fall at most `maxIngestLagDays` days
/// behind (their files of older days must have left batch/), the last day waits for the whole
/// outbox, so a complete run is a published one, and wall-clock pacing. Every wait is short polls that give up when `shouldStop`
/// says so, so SIGTERM is answered within one poll.
struct SchedulerGate: SimulationHooks {
    let layout: LakeLayout
    let options: SchedulerOptions
    /// The calendar's last day, which closes the producer's window.
    let lastDay: SimDate
    let logger: Logger
    let shouldStop: () -> Bool
    /// Beats the health file: `.waiting` while another service holds the run back, `.running` while pacing.
    let heartbeat: (HealthRecord.Status, String) -> Void

    func beforeDay(_ date: SimDate) -> Bool {
        guard options.waitForIngestor else { return !shouldStop() }
        let horizon = date.adding(days: -options.maxIngestLagDays)
        return wait(for: "ingestor", date: date) { awaited(DailyFile.ingestorFiles(batchNames(), before: horizon)) }
    }

    func afterSession(_ date: SimDate, session: Int) -> Bool {
        pause(options.streamIntervalSeconds)
    }

    func beforeAdvance(past date: SimDate, outbox: [String]) -> Bool {
        guard options.waitForProducer else { return !shouldStop() }
        let horizon = date == lastDay ? date.adding(days: 1) : date.adding(days: 1 - options.maxIngestLagDays)
        return wait(for: "producer", date: date) { awaited(DailyFile.outboxFiles(batchNames(), before: horizon)) }
    }

    func afterDay(_ date: SimDate) -> Bool {
        pause(options.batchIntervalSeconds)
    }

    /// Polls until `pending` is empty; false when stopped first. Logs once when it starts
    /// waiting, naming the first file held, so a stuck pipeline says what it waits for.
    private func wait(for service: String, date: SimDate, pending: () -> [String]) -> Bool {
        var logged = false
        while true {
            if shouldStop() { return false }
            let files = pending()
            guard let first = files.first else { return true }
            if !logged {
                logger.info(
                    "waiting",
                    metadata: [
                        LogKey.waitingFor: "\(service)", LogKey.simDate: "\(date)", LogKey.file: "\(first)", LogKey.files: "\(files.count)",
                    ])
                logged = true
            }
            heartbeat(.waiting, "for \(service): \(first)")
            Thread.sleep(forTimeInterval: options.pollSeconds)
        }
    }

    /// Sleeps `seconds` in short slices; false when stopped first.
    private func pause(_ seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if shouldStop() { return false }
            heartbeat(.running, "pacing")
            Thread.sleep(forTimeInterval: min(options.pollSeconds, max(0, end.timeIntervalSinceNow)))
        }
        return !shouldStop()
    }

    /// The files of `names` a service can still take: the window's files were all written, with
    /// their flags, before this wait, so one whose flag is gone lost it for good. The producer
    /// and the ingestor refuse such a file once the state is past its day (`FlagArrival`);
    /// waiting for it would hold the run, the last day's above all, forever.
    private func awaited(_ names: [String]) -> [String] {
        names.filter { name in LakeFileName(name: name)?.coveringFlag.map { LakeFolders.exists(layout.path($0.path)) } ?? true }
    }

    private func batchNames() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: layout.batch)) ?? [] }
}
