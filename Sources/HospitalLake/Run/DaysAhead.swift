import Foundation
import HospitalCore

/// Simulates the calendar's days on a second thread, one day ahead of the thread that
/// renders and writes them: a day is a pure function of the seed and the days before it,
/// so simulating day D+1 while day D is written changes no byte, and a run uses both cores
/// after the setup. At most one finished day waits, so memory stays at two days' worth.
final class DaysAhead: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var waiting: DayEngine.Day?
    private var finished = false
    private var abandoned = false
    /// Used by the second thread alone.
    private var engine: DayEngine

    init(engine: DayEngine, dates: [SimDate]) {
        self.engine = engine
        let thread = Thread { [self] in
            for date in dates {
                let day = self.engine.run(date)
                condition.lock()
                while waiting != nil && !abandoned { condition.wait() }
                if abandoned {
                    condition.unlock()
                    return
                }
                waiting = day
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "days-ahead"
        thread.start()
    }

    /// The next day, in calendar order; nil after the last.
    func next() -> DayEngine.Day? {
        condition.lock()
        defer { condition.unlock() }
        while waiting == nil && !finished { condition.wait() }
        let day = waiting
        waiting = nil
        condition.broadcast()
        return day
    }

    /// The run stops early: the thread ends after the day it is simulating.
    func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}
