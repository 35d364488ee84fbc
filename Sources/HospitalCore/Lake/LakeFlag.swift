/// The flags (docs/lake.md §Flags): setup steps by name, daily steps by date and session. A
/// flag's name is spelled here and nowhere else; `LakeFileName.flag` carries it among the
/// lake's other names.
public enum LakeFlag: Hashable, Sendable {
    public enum Setup: String, CaseIterable, Sendable {
        case people = "people_generated"
        case illnesses = "illnesses_assigned"
        case staff = "staff_generated"
        case workforce = "workforce_simulated"
        case schedules = "schedules_generated"
    }

    case setup(Setup)
    case visitors(SimDate)
    case transport(SimDate, session: Int)
    case transfers(SimDate, session: Int)
    case admissions(SimDate)

    static let suffix = ".flag"
    static let setupFolder = ".setup_flags"
    static let dailyFolder = ".daily_flags"

    /// The step's name as its manifest records it (docs/lake.md §Flags).
    public var step: String {
        switch self {
        case .setup(let step): return step.rawValue
        case .visitors: return "visitors"
        case .transport: return "transport"
        case .transfers: return "transfers"
        case .admissions: return "admissions"
        }
    }

    public var date: SimDate? {
        switch self {
        case .setup: return nil
        case .visitors(let date), .transport(let date, _), .transfers(let date, _), .admissions(let date): return date
        }
    }

    public var session: Int? {
        switch self {
        case .transport(_, let session), .transfers(_, let session): return session
        default: return nil
        }
    }

    /// Whether the step writes files of the producer's outbox (transports, transfers, the
    /// daily summary), so its manifest counts the events a day should land.
    public var listsOutbox: Bool {
        switch self {
        case .transport, .transfers, .admissions: return true
        case .setup, .visitors: return false
        }
    }

    public var name: String {
        switch self {
        case .setup: return step + Self.suffix
        case .visitors(let date), .admissions(let date): return "\(step)_\(date)\(Self.suffix)"
        case .transport(let date, let session), .transfers(let date, let session):
            return "\(step)_\(date)\(LakeFileName.sessionInfix)\(session)\(Self.suffix)"
        }
    }

    /// The flag's path relative to the lake root, as manifests and `LakeLayout.path` take it.
    public var path: String {
        (self.date == nil ? Self.setupFolder : Self.dailyFolder) + "/" + name
    }

    /// Reads a flag's name without its `.flag`; nil for any other text.
    init?(stem: String) {
        if let step = Setup(rawValue: stem) {
            self = .setup(step)
            return
        }
        let underscore = stem.firstIndex(of: "_") ?? stem.endIndex
        let step = stem[..<underscore]
        let rest = stem[underscore...].dropFirst()
        let parts = rest.components(separatedBy: LakeFileName.sessionInfix)
        guard let date = SimDate(iso: parts[0]) else { return nil }
        switch (step, parts.count) {
        case ("visitors", 1): self = .visitors(date)
        case ("admissions", 1): self = .admissions(date)
        case ("transport", 2), ("transfers", 2):
            guard let session = Int(parts[1]), session >= 1 else { return nil }
            self = step == "transport" ? .transport(date, session: session) : .transfers(date, session: session)
        default: return nil
        }
        guard name == stem + Self.suffix else { return nil }
    }
}
