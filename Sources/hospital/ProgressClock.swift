import Dispatch
import HospitalCore
import HospitalLake

/// Progress lines with rate and ETA: the only place the wall clock is read, and it never reaches the lake.
struct ProgressClock {
    private let started = DispatchTime.now()

    func line(for progress: Simulation.Progress) -> String {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let rate = elapsed > 0 ? Double(progress.rows) / elapsed : 0
        let perDay = elapsed / Double(max(1, progress.ordinal))
        let eta = perDay * Double(progress.total - progress.ordinal)
        return "day \(progress.ordinal) of \(progress.total) \(progress.date) rows \(progress.rows) "
            + "rows/s \(Int(rate)) eta \(Int(eta.rounded()))s"
    }
}
