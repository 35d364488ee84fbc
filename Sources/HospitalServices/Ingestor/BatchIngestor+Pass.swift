extension BatchIngestor {
    /// What one look at the lake did, and (as `total`) every look since start.
    public struct Pass: Equatable, Sendable {
        public var loaded = 0
        public var rows = 0
        public var waiting = 0
        public var failed = 0
        public var archived = 0
        public var setAside = 0
        /// The first file, in load order, that waits for its flag or for its parents' rows (of
        /// workers side by side, the first worker's).
        public var firstWaiting: String?

        public init() {}

        /// A later pass of the same worker: counts add up, and what waits is what waits now.
        mutating func add(_ pass: Pass) {
            let (waitingNow, firstNow) = (pass.waiting, pass.firstWaiting)
            self = self + pass
            (waiting, firstWaiting) = (waitingNow, firstNow)
        }

        /// Passes of workers side by side: every count adds up.
        public static func + (a: Pass, b: Pass) -> Pass {
            var sum = a
            sum.loaded += b.loaded
            sum.rows += b.rows
            sum.waiting += b.waiting
            sum.failed += b.failed
            sum.archived += b.archived
            sum.setAside += b.setAside
            sum.firstWaiting = a.firstWaiting ?? b.firstWaiting
            return sum
        }
    }
}
