/// The flags (docs/lake.md §Flags): setup steps by name, daily steps by date and session.
public enum LakeFlag {
    public enum Setup: String, CaseIterable, Sendable {
        case people = "people_generated"
        case illnesses = "illnesses_assigned"
        case staff = "staff_generated"
        case workforce = "workforce_simulated"
        case schedules = "schedules_generated"
    }

    public static func setup(_ step: Setup) -> String { ".setup_flags/\(step.rawValue).flag" }
    public static func visitors(_ date: SimDate) -> String { ".daily_flags/visitors_\(date).flag" }
    public static func admissions(_ date: SimDate) -> String { ".daily_flags/admissions_\(date).flag" }
    public static func transport(_ date: SimDate, session: Int) -> String {
        ".daily_flags/transport_\(date)_session_\(session).flag"
    }
    public static func transfers(_ date: SimDate, session: Int) -> String {
        ".daily_flags/transfers_\(date)_session_\(session).flag"
    }
}
