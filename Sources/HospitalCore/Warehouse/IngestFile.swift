/// A lake file the ingestor owns (docs/lake.md §Files, docs/warehouse.md §Load order), recognised by its name: what it holds, the
/// tables it fills (dimensions first) and its place in the load order.
public struct IngestFile: Sendable, Equatable {
    public enum Kind: Int, Sendable, Comparable, CaseIterable {
        case staff, reserve, staffActive, schedules, visitors, admissions, transports, transfers, summaries, report

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The lake's CSV header, or nil for JSON Lines (stream) and reports.
        public var columns: [String]? {
            switch self {
            case .staff: return LakeColumns.staff
            case .reserve: return LakeColumns.reserve
            case .staffActive: return LakeColumns.staffActive
            case .schedules: return LakeColumns.schedules
            case .visitors: return LakeColumns.visitors
            case .admissions: return LakeColumns.admissions
            case .transports, .transfers, .summaries, .report: return nil
            }
        }

        public var tables: [WarehouseTable] {
            switch self {
            case .staff: return [WarehouseTables.staff]
            case .reserve: return [WarehouseTables.reserve]
            case .staffActive: return [WarehouseTables.staff, WarehouseTables.snapshots]
            case .schedules: return [WarehouseTables.schedules]
            case .visitors: return [WarehouseTables.conditions, WarehouseTables.patients, WarehouseTables.visits]
            case .admissions: return [WarehouseTables.admissions]
            case .transports: return [WarehouseTables.transports]
            case .transfers: return [WarehouseTables.transfers]
            case .summaries: return [WarehouseTables.summaries]
            case .report: return []
            }
        }

        /// The kinds whose files can supply what this kind references.
        public var suppliers: [Kind] {
            switch self {
            case .staffActive, .schedules: return [.staff, .staffActive]
            case .admissions: return [.visitors, .staff, .staffActive]
            case .transports: return [.visitors, .staff, .staffActive]
            case .transfers: return [.admissions]
            default: return []
            }
        }

        public var isStream: Bool { self == .transports || self == .transfers || self == .summaries }

        /// Whether `table`'s rows from a file of this kind may already be in the warehouse: a
        /// dimension the file repeats, staff a snapshot lists again, or events a chunk
        /// re-delivers. Other rows belong to their file alone.
        public func mayFindLoaded(_ table: WarehouseTable) -> Bool {
            isStream || sharesRows(table)
        }

        /// Whether `table`'s rows from a file of this kind are expected in the warehouse
        /// already: a dimension the file repeats, or staff a snapshot lists again. They are
        /// inserted with `ON CONFLICT DO NOTHING` on every load, where a chunk's events, found
        /// again only after a re-delivery, go in by plain COPY until one collides.
        public func sharesRows(_ table: WarehouseTable) -> Bool {
            table.repeats || (self == .staffActive && table.name == WarehouseTables.staff.name)
        }

        /// Whether any of this kind's tables takes shared rows.
        public var sharesRows: Bool { tables.contains { sharesRows($0) } }
    }

    public let name: String
    public let kind: Kind
    /// The sim date or month the file covers, for ordering; nil for the staff files.
    public let date: SimDate?
    /// A stream file's partition and first offset; nil for batch files.
    public let chunk: StreamChunkName?

    /// Recognises a file of `batch/` (`topic` nil) or of `stream/<topic>/`; nil for names the
    /// ingestor does not own (the producer's outbox) or does not know.
    public init?(name: String, topic: String? = nil, topics: KafkaConfig.Topics? = nil) {
        guard let parsed = LakeFileName(name: name) else { return nil }
        self.name = name
        if let topic, let topics {
            guard case .streamChunk(let chunk) = parsed, chunk.topic == topic else { return nil }
            self.chunk = chunk
            switch topic {
            case topics.transport: kind = .transports
            case topics.transfers: kind = .transfers
            case topics.summary: kind = .summaries
            default: return nil
            }
            date = nil
            return
        }
        chunk = nil
        switch parsed {
        case .staff: kind = .staff
        case .reserve: kind = .reserve
        case .staffActive: kind = .staffActive
        case .schedules: kind = .schedules
        case .visitors: kind = .visitors
        case .admissions: kind = .admissions
        case .workforceSummary, .transportReport, .transfersReport, .hospitalSummary:
            kind = .report
            date = nil
            return
        default: return nil
        }
        date = parsed.date
    }
}
