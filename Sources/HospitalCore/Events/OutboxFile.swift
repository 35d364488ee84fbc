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
        func parse(_ prefix: String, _ kind: Kind) -> (SimDate, Int)? {
            guard name.hasPrefix(prefix), name.hasSuffix(".csv") else { return nil }
            let middle = name.dropFirst(prefix.count).dropLast(4)
            let parts = middle.split(separator: "_", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1] == "session", let date = SimDate(iso: parts[0]), let session = Int(parts[2]),
                session >= 1
            else { return nil }
            return (date, session)
        }
        if let (date, session) = parse("hospital_emergency_transport_", .transport) {
            (self.kind, self.date, self.session) = (.transport, date, session)
        } else if let (date, session) = parse("hospital_transfers_", .transfers) {
            (self.kind, self.date, self.session) = (.transfers, date, session)
        } else if name.hasPrefix("daily_summary_"), name.hasSuffix(".json"),
            let date = SimDate(iso: name.dropFirst("daily_summary_".count).dropLast(5))
        {
            (self.kind, self.date, self.session) = (.dailySummary, date, nil)
        } else {
            return nil
        }
        self.name = name
    }
}
