import Foundation

/// A bounded first-in first-out queue between two threads: `put` waits while it is full,
/// `take` while it is empty. Closing it (either side) wakes both: `put` then refuses, and
/// `take` hands out what is left, then nil.
///
/// `@unchecked Sendable`: every stored property is read and written only with `condition` held.
final class Handoff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Item] = []
    private var closed = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// False when the queue was closed, and the item was not taken.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity, !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        condition.broadcast()
        return items.removeFirst()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
