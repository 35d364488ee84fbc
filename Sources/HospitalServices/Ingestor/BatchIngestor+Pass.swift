extension BatchIngestor {
    /// What one look at the lake did, and (as `total`) every look since start.
    public struct Pass: Equatable, Sendable {
        public var loaded = 0
        public var rows = 0
        public var waiting = 0
        public var failed = 0
        public var archived = 0
        public var setAside = 0

        mutating func add(_ pass: Pass) {
            loaded += pass.loaded
            rows += pass.rows
            failed += pass.failed
            archived += pass.archived
            setAside += pass.setAside
            waiting = pass.waiting
        }
    }
}
