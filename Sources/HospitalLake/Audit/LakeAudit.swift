import HospitalCore

/// Checks a finished lake, as `hospital simulate` writes it, against what a clinician would
/// believe of a hospital: one verdict per rule (`AuditRules`), from the lake's own files
/// (batch/ or processed/) and the workforce config. It trusts none of the generator's
/// state, so a hand-broken row is reported as the generator's own mistakes would be.
public struct LakeAudit: Sendable {
    let layout: LakeLayout
    let policy: AuditPolicy

    public init(layout: LakeLayout, config: HospitalConfig) {
        self.layout = layout
        policy = AuditPolicy(config: config)
    }

    public enum AuditError: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .missing(let what): return "the lake has no \(what)"
            case .unreadable(let file, let why): return "\(file): \(why)"
            }
        }
    }

    public func run() throws -> AuditReport {
        let lake = AuditedLake(rows: try AuditReader(layout: layout).read(), policy: policy)
        return AuditReport(AuditRules.all.map { $0.verdict(on: lake) })
    }
}
