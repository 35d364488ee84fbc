import Dispatch

/// Several ingest workers in one process (`batch-ingestor --workers N`): each is a whole
/// `BatchIngestor` over its own database session, and they share only the database and the
/// lake, where file claims keep them apart (`FileClaims`). A pass runs every worker's pass at
/// once, each on its own thread, so while one worker's server executes a file another's
/// client prepares the next; the pass ends when every worker's has.
public final class IngestWorkers {
    public let ingestors: [BatchIngestor]

    public init(_ ingestors: [BatchIngestor]) {
        precondition(!ingestors.isEmpty, "an ingestor has at least one worker")
        self.ingestors = ingestors
    }

    /// One pass of every worker: its result, by worker.
    public func drainOnce(shouldStop: @escaping @Sendable () -> Bool) -> [Result<BatchIngestor.Pass, any Error>] {
        var results = [Result<BatchIngestor.Pass, any Error>](repeating: .success(BatchIngestor.Pass()), count: ingestors.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Iteration i touches worker i and slot i only, and the call returns after all of them.
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let ingestors = ingestors
            DispatchQueue.concurrentPerform(iterations: ingestors.count) { index in
                slots[index] = Result { try ingestors[index].drainOnce(shouldStop: shouldStop) }
            }
        }
        return results
    }

    /// Every worker's work since start, added up.
    public var total: BatchIngestor.Pass {
        ingestors.reduce(BatchIngestor.Pass()) { $0 + $1.total }
    }

    /// Days whose admissions are loaded, as the workers know them together.
    public var daysLoaded: Int { ingestors.reduce(into: Set<String>()) { $0.formUnion($1.admissionsLoaded) }.count }
}
