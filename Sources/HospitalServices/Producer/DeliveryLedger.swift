import HospitalCore
import HospitalKafka

/// The publisher's account of queued outbox files: which send carried which event of which
/// file, how many of each file's events still wait for their acknowledgement, and which
/// failed and must be sent again. A file is settled once all its events are acknowledged;
/// files settle in the order they were queued, so they also leave batch/ in that order.
struct DeliveryLedger {
    struct Entry {
        let file: OutboxFile
        let topic: String
        let events: Int
        var unacknowledged: Int
    }

    /// Files not yet taken out, in queue order; `first` is the serial number of `entries[0]`.
    private(set) var entries: [Entry] = []
    private var first = 0
    /// Sends of the files still here, in token order (tokens only grow), so a report finds
    /// its event by binary search.
    private var sends: [(token: MessageToken, file: Int, event: Int)] = []
    /// Failed events by file serial number, waiting to be sent again.
    private var failed: [Int: [Int]] = [:]

    var isEmpty: Bool { entries.isEmpty }
    var hasFailures: Bool { !failed.isEmpty }
    /// Files at the front whose every event is acknowledged.
    var settledCount: Int { entries.prefix { $0.unacknowledged == 0 }.count }

    /// Enters a file about to be sent; returns its serial number.
    mutating func add(_ file: OutboxFile, topic: String, events: Int) -> Int {
        // No reserveCapacity(sends.count + events) here: called file after file it would
        // copy the whole array each time, where append grows it geometrically.
        entries.append(Entry(file: file, topic: topic, events: events, unacknowledged: events))
        return first + entries.count - 1
    }

    func entry(_ serial: Int) -> Entry { entries[serial - first] }

    mutating func sent(_ token: MessageToken, file serial: Int, event: Int) {
        sends.append((token, serial, event))
    }

    mutating func record(_ reports: [DeliveryReport]) {
        for report in reports {
            guard let send = send(of: report.token) else {
                preconditionFailure("a delivery report for a message this publisher did not send")
            }
            if report.isSuccess {
                entries[send.file - first].unacknowledged -= 1
            } else {
                failed[send.file, default: []].append(send.event)
            }
        }
    }

    /// The failed events, file by file in queue order, forgotten here until they are sent again.
    mutating func takeFailed() -> [(file: Int, events: [Int])] {
        defer { failed = [:] }
        return failed.keys.sorted().map { ($0, failed[$0]!.sorted()) }
    }

    /// The settled files at the front, taken out of the ledger.
    mutating func takeSettled() -> [Entry] {
        let count = settledCount
        let settled = Array(entries.prefix(count))
        entries.removeFirst(count)
        first += count
        sends.removeAll { $0.file < first }
        return settled
    }

    private func send(of token: MessageToken) -> (file: Int, event: Int)? {
        // Tokens are handed out one after another, so a send is nearly always where the
        // distance from the first token puts it; a refused send leaves a gap, and then the
        // search below finds it.
        if let first = sends.first, token >= first.token {
            let guess = Int(token.rawValue - first.token.rawValue)
            if guess < sends.count, sends[guess].token == token { return (sends[guess].file, sends[guess].event) }
        }
        var low = 0
        var high = sends.count
        while low < high {
            let middle = (low + high) / 2
            if sends[middle].token < token { low = middle + 1 } else { high = middle }
        }
        return low < sends.count && sends[low].token == token ? (sends[low].file, sends[low].event) : nil
    }
}
