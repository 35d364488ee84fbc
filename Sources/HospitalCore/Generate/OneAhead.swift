import Foundation

/// Makes a sequence's items on a second thread, one ahead of the thread that takes them, so
/// preparing item n+1 overlaps using item n. Items are made in order by one thread, so a
/// `make` that carries state from one item to the next (a day engine) stays deterministic.
/// At most one finished item waits, so memory stays at two items' worth.
public final class OneAhead<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var waiting: Item?
    private var finished = false
    private var abandoned = false
    /// Called by the second thread alone.
    private let make: (Int) -> Item

    /// Starts making items 0..<count at once.
    public init(count: Int, name: String, make: @escaping (Int) -> Item) {
        self.make = make
        let thread = Thread { [self] in
            for index in 0..<count {
                let item = self.make(index)
                condition.lock()
                while waiting != nil && !abandoned { condition.wait() }
                if abandoned {
                    condition.unlock()
                    return
                }
                waiting = item
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.start()
    }

    /// The next item, in order; nil after the last.
    public func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while waiting == nil && !finished { condition.wait() }
        let item = waiting
        waiting = nil
        condition.broadcast()
        return item
    }

    /// The taker stops early: the thread ends after the item it is making.
    public func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}
