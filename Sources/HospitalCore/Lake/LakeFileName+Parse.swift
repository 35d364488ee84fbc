/// Reading a name back: the spelling of each dated kind is kept in one table, so writing and
/// reading a name cannot drift apart.
extension LakeFileName {
    /// The text before and after a dated name's date (and its `_session_<n>`, for sessions).
    static func spelling(_ kind: Kind) -> (prefix: String, suffix: String)? {
        switch kind {
        case .staffActive: return ("staff_active_", ".csv")
        case .workforceSummary: return ("workforce_summary_", ".txt")
        case .schedules: return ("schedules_", ".csv")
        case .visitors: return ("daily_visitors_", ".csv")
        case .transport: return ("hospital_emergency_transport_", ".csv")
        case .transportReport: return ("hospital_emergency_transport_", ".txt")
        case .transfers: return ("hospital_transfers_", ".csv")
        case .transfersReport: return ("hospital_transfers_", ".txt")
        case .admissions: return ("admissions_", ".csv")
        case .hospitalSummary: return ("hospital_summary_", ".txt")
        case .dailySummary: return ("daily_summary_", ".json")
        default: return nil
        }
    }

    static let sessionInfix = "_session_"

    /// A dated name written from its kind's spelling.
    static func spelled(_ kind: Kind, _ date: String, session: Int? = nil) -> String {
        let (prefix, suffix) = spelling(kind)!
        return prefix + date + (session.map { sessionInfix + String($0) } ?? "") + suffix
    }

    /// The name's most likely reading; `init?(name:)` keeps it only when it spells `name` back.
    static func parse(_ name: String) -> LakeFileName? {
        if let quarantined = name.without(suffix: errorReportSuffix) {
            return quarantined.isEmpty ? nil : .errorReport(of: quarantined)
        }
        // The owner token holds no dot, so the infix is the name's last.
        if let dot = name.lastIndex(of: "."), let outbox = String(name[...dot]).without(suffix: inFlightInfix),
            let owner = ProducerToken(text: name[name.index(after: dot)...])
        {
            let kind = LakeFileName(name: outbox)?.kind
            return kind == .transport || kind == .transfers || kind == .dailySummary ? .inFlight(of: outbox, owner: owner) : nil
        }
        if let stem = name.without(suffix: setAsideSuffix) { return StreamChunkName(stem: stem).map(Self.setAside) }
        if let stem = name.without(suffix: offsetGapSuffix) { return StreamChunkName(stem: stem).map(Self.offsetGap) }
        if let stem = name.without(suffix: LakeFlag.suffix) { return LakeFlag(stem: stem).map(Self.flag) }
        for fixed in [LakeFileName.people, .illnesses, .staff, .reserve, .state, .stateBackup] where fixed.name == name {
            return fixed
        }
        for kind in Kind.allCases {
            guard let (prefix, suffix) = spelling(kind), name.count > prefix.count + suffix.count, name.hasPrefix(prefix),
                name.hasSuffix(suffix), let parsed = dated(kind, name.dropFirst(prefix.count).dropLast(suffix.count))
            else { continue }
            return parsed
        }
        if let stem = name.without(suffix: ".json") { return StreamChunkName(stem: stem).map(Self.streamChunk) }
        return nil
    }

    private static func dated(_ kind: Kind, _ middle: Substring) -> LakeFileName? {
        if kind == .schedules { return SimDate(iso: middle + "-01").map { .schedules(month: $0) } }
        let parts = middle.components(separatedBy: sessionInfix)
        guard let date = SimDate(iso: parts[0]) else { return nil }
        switch (kind, parts.count) {
        case (.staffActive, 1): return .staffActive(date)
        case (.workforceSummary, 1): return .workforceSummary(date)
        case (.visitors, 1): return .visitors(date)
        case (.admissions, 1): return .admissions(date)
        case (.hospitalSummary, 1): return .hospitalSummary(date)
        case (.dailySummary, 1): return .dailySummary(date)
        default: break
        }
        guard parts.count == 2, let session = Int(parts[1]), session >= 1 else { return nil }
        switch kind {
        case .transport: return .transport(date, session: session)
        case .transportReport: return .transportReport(date, session: session)
        case .transfers: return .transfers(date, session: session)
        case .transfersReport: return .transfersReport(date, session: session)
        default: return nil
        }
    }
}

extension String {
    /// The text before `suffix`, or nil when it does not end so.
    func without(suffix: String) -> String? {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil
    }
}
