/// The one grammar of the lake's file names (docs/lake.md §Files, §Flags, §Stream files): every
/// name a service writes is this type's `name`, and every name a service reads is recognised
/// by `init?(name:)`, so a prefix or a date layout is spelled once. Parsing accepts only the
/// canonical spelling (the name it would write itself), so `LakeFileName(name: x)?.name == x`
/// whenever it is not nil.
public enum LakeFileName: Hashable, Sendable, CustomStringConvertible {
    case people
    case illnesses
    case staff
    case reserve
    case staffActive(SimDate)
    case workforceSummary(SimDate)
    /// A month's schedules; the date is the first of the month.
    case schedules(month: SimDate)
    case visitors(SimDate)
    case transport(SimDate, session: Int)
    case transportReport(SimDate, session: Int)
    case transfers(SimDate, session: Int)
    case transfersReport(SimDate, session: Int)
    case admissions(SimDate)
    case hospitalSummary(SimDate)
    case dailySummary(SimDate)
    /// A landed run of one partition's events, in `stream/<topic>/`.
    case streamChunk(StreamChunkName)
    /// The events of a chunk the ingestor set aside, in `failed/`.
    case setAside(StreamChunkName)
    /// A hole in a partition's offsets the stream processor saw, in `failed/`.
    case offsetGap(StreamChunkName)
    case flag(LakeFlag)
    case state
    case stateBackup
    /// The reason beside a quarantined file of any name, in `failed/`.
    case errorReport(of: String)
    /// An outbox file of `batch/` that a producer claimed by renaming it: the outbox name,
    /// then who holds it (docs/lake.md §In-flight files).
    case inFlight(of: String, owner: ProducerToken)

    /// The kinds of name, without their dates and sessions.
    public enum Kind: Sendable, CaseIterable {
        case people, illnesses, staff, reserve, staffActive, workforceSummary, schedules, visitors
        case transport, transportReport, transfers, transfersReport, admissions, hospitalSummary, dailySummary
        case streamChunk, setAside, offsetGap, flag, state, stateBackup, errorReport, inFlight
    }

    static let errorReportSuffix = ".error.json"
    static let setAsideSuffix = ".set-aside.jsonl"
    static let offsetGapSuffix = ".gap"
    static let inFlightInfix = ".in-flight."

    public var name: String {
        switch self {
        case .people: return "people_data.csv"
        case .illnesses: return "population_with_illnesses.csv"
        case .staff: return "staff_data.csv"
        case .reserve: return "reserve_pool.csv"
        case .staffActive(let date): return "staff_active_\(date).csv"
        case .workforceSummary(let date): return "workforce_summary_\(date).txt"
        case .schedules(let month): return "schedules_\(month.monthKey).csv"
        case .visitors(let date): return "daily_visitors_\(date).csv"
        case .transport(let date, let session): return "hospital_emergency_transport_\(date)_session_\(session).csv"
        case .transportReport(let date, let session): return "hospital_emergency_transport_\(date)_session_\(session).txt"
        case .transfers(let date, let session): return "hospital_transfers_\(date)_session_\(session).csv"
        case .transfersReport(let date, let session): return "hospital_transfers_\(date)_session_\(session).txt"
        case .admissions(let date): return "admissions_\(date).csv"
        case .hospitalSummary(let date): return "hospital_summary_\(date).txt"
        case .dailySummary(let date): return "daily_summary_\(date).json"
        case .streamChunk(let chunk): return chunk.stem + ".json"
        case .setAside(let chunk): return chunk.stem + Self.setAsideSuffix
        case .offsetGap(let chunk): return chunk.stem + Self.offsetGapSuffix
        case .flag(let flag): return flag.name
        case .state: return "scheduler_state.json"
        case .stateBackup: return "scheduler_state.json.bak"
        case .errorReport(let quarantined): return quarantined + Self.errorReportSuffix
        case .inFlight(let outbox, let owner): return outbox + Self.inFlightInfix + owner.description
        }
    }

    public var description: String { name }

    /// Recognises a file name (not a path); nil for anything the lake does not name this way.
    public init?(name: String) {
        guard !name.isEmpty, !name.contains("/"), let parsed = Self.parse(name), parsed.name == name else { return nil }
        self = parsed
    }

    public var kind: Kind {
        switch self {
        case .people: return .people
        case .illnesses: return .illnesses
        case .staff: return .staff
        case .reserve: return .reserve
        case .staffActive: return .staffActive
        case .workforceSummary: return .workforceSummary
        case .schedules: return .schedules
        case .visitors: return .visitors
        case .transport: return .transport
        case .transportReport: return .transportReport
        case .transfers: return .transfers
        case .transfersReport: return .transfersReport
        case .admissions: return .admissions
        case .hospitalSummary: return .hospitalSummary
        case .dailySummary: return .dailySummary
        case .streamChunk: return .streamChunk
        case .setAside: return .setAside
        case .offsetGap: return .offsetGap
        case .flag: return .flag
        case .state: return .state
        case .stateBackup: return .stateBackup
        case .errorReport: return .errorReport
        case .inFlight: return .inFlight
        }
    }

    /// The sim date the name carries (a schedule's month as its first day); nil for undated names.
    public var date: SimDate? {
        switch self {
        case .staffActive(let date), .workforceSummary(let date), .schedules(let date), .visitors(let date),
            .transport(let date, _), .transportReport(let date, _), .transfers(let date, _), .transfersReport(let date, _),
            .admissions(let date), .hospitalSummary(let date), .dailySummary(let date):
            return date
        case .flag(let flag): return flag.date
        case .inFlight(let outbox, _): return LakeFileName(name: outbox)?.date
        default: return nil
        }
    }

    public var session: Int? {
        switch self {
        case .transport(_, let session), .transportReport(_, let session), .transfers(_, let session),
            .transfersReport(_, let session):
            return session
        case .flag(let flag): return flag.session
        default: return nil
        }
    }

    /// Whether the scheduler writes the file once per sim day (the files MAX_INGEST_LAG_DAYS bounds).
    public var isDaily: Bool {
        switch kind {
        case .visitors, .transport, .transportReport, .transfers, .transfersReport, .admissions, .hospitalSummary, .dailySummary:
            return true
        default: return false
        }
    }

    /// The flag whose manifest lists this scheduler output (its `writtenOn` is the sim date
    /// after which the step writing it is over; setup steps are over once the state exists);
    /// nil for names no flag covers (the stream, the state, quarantine files).
    public var coveringFlag: LakeFlag? {
        switch self {
        case .people: return .setup(.people)
        case .illnesses: return .setup(.illnesses)
        case .staff, .reserve: return .setup(.staff)
        case .staffActive, .workforceSummary: return .setup(.workforce)
        case .schedules: return .setup(.schedules)
        case .visitors(let date): return .visitors(date)
        case .transport(let date, let session), .transportReport(let date, let session): return .transport(date, session: session)
        // A day's transfers are written on the next day.
        case .transfers(let date, let session), .transfersReport(let date, let session): return .transfers(date, session: session)
        case .admissions(let date), .hospitalSummary(let date), .dailySummary(let date): return .admissions(date)
        default: return nil
        }
    }
}
