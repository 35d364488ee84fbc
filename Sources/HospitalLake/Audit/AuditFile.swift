import HospitalCore

/// The lake files the audit reads, with the columns each holds: a view over the lake's name
/// grammar (`LakeFileName`), which alone reads names.
enum AuditFile: CaseIterable {
    case staff, staffSnapshot, schedules, dailySummary, admissions, visitors, transport, transfers, population

    init?(name: String) {
        switch LakeFileName(name: name)?.kind {
        case .staff: self = .staff
        case .staffActive: self = .staffSnapshot
        case .schedules: self = .schedules
        case .dailySummary: self = .dailySummary
        case .admissions: self = .admissions
        case .visitors: self = .visitors
        case .transport: self = .transport
        case .transfers: self = .transfers
        case .illnesses: self = .population
        default: return nil
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
