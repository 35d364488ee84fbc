import HospitalCore

/// The lake files the audit reads, told by name, with the columns each holds. This is the
/// one place the audit (and `WardFigures`) matches names: when the lake's name grammar lands,
/// `init?(name:)` becomes a look-up of that grammar's kind.
enum AuditFile: CaseIterable {
    case staff, staffSnapshot, schedules, dailySummary, admissions, visitors, transport, transfers, population

    init?(name: String) {
        guard let file = Self.allCases.first(where: { name.hasPrefix($0.pattern.prefix) && name.hasSuffix($0.pattern.suffix) })
        else { return nil }
        self = file
    }

    private var pattern: (prefix: String, suffix: String) {
        switch self {
        case .staff: (LakeName.staff, "")
        case .staffSnapshot: ("staff_active_", ".csv")
        case .schedules: ("schedules_", ".csv")
        case .dailySummary: ("daily_summary_", ".json")
        case .admissions: ("admissions_", ".csv")
        case .visitors: ("daily_visitors_", ".csv")
        case .transport: ("hospital_emergency_transport_", ".csv")
        case .transfers: ("hospital_transfers_", ".csv")
        case .population: (LakeName.illnesses, "")
        }
    }

    /// The header a CSV file must have; nil for the JSON summaries.
    var columns: [String]? {
        switch self {
        case .staff: LakeColumns.staff
        case .staffSnapshot: LakeColumns.staffActive
        case .schedules: LakeColumns.schedules
        case .dailySummary: nil
        case .admissions: LakeColumns.admissions
        case .visitors: LakeColumns.visitors
        case .transport: LakeColumns.transport
        case .transfers: LakeColumns.transfers
        case .population: LakeColumns.illnesses
        }
    }

    /// The paths of each kind of file in batch/ and processed/, in name order: a file moved
    /// by the ingestor is read as if it had stayed.
    static func paths(in layout: LakeLayout) -> [AuditFile: [String]] {
        var found: [AuditFile: [(name: String, path: String)]] = [:]
        for folder in [layout.batch, layout.processed] {
            for name in LakeFolders.names(in: folder) {
                guard let file = AuditFile(name: name) else { continue }
                found[file, default: []].append((name, folder + "/" + name))
            }
        }
        return found.mapValues { $0.sorted { $0.name < $1.name }.map(\.path) }
    }
}
