/// The producer's outbox (docs/lake.md §Topics): which batch files it publishes, to which topic, and
/// what their names say (date and session).
public struct OutboxFile: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case transport = "emergency_transport"
        case transfers = "patient_transfer"
        case dailySummary = "daily_summary"

        public func topic(_ topics: KafkaConfig.Topics) -> String {
            switch self {
            case .transport: return topics.transport
            case .transfers: return topics.transfers
            case .dailySummary: return topics.summary
            }
        }

        /// The CSV columns of the kind; nil for the JSON summary.
        public var columns: [String]? {
            switch self {
            case .transport: return LakeColumns.transport
            case .transfers: return LakeColumns.transfers
            case .dailySummary: return nil
            }
        }

        /// Salt for event ids, fixed forever.
        var salt: UInt64 {
            switch self {
            case .transport: return 0x7472_616E_7370_6F72
            case .transfers: return 0x7472_616E_7366_6572
            case .dailySummary: return 0x7375_6D6D_6172_7921
            }
        }
    }

    public let name: String
    public let kind: Kind
    public let date: SimDate
    public let session: Int?

    /// Recognises an outbox file name; nil for every other file (not the producer's to move).
    public init?(name: String) {
        switch LakeFileName(name: name) {
        case .transport(let date, let session): (kind, self.date, self.session) = (.transport, date, session)
        case .transfers(let date, let session): (kind, self.date, self.session) = (.transfers, date, session)
        case .dailySummary(let date): (kind, self.date, self.session) = (.dailySummary, date, nil)
        default: return nil
        }
        self.name = name
    }

    /// The outbox file a `batch/` entry stands for: one under its own name, or one a producer
    /// holds in flight (docs/lake.md §In-flight files); nil for every other name.
    public init?(entry name: String) {
        if case .inFlight(let outbox, _)? = LakeFileName(name: name) { self.init(name: outbox) } else { self.init(name: name) }
    }
}
