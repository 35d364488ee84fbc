/// The lake's file names (docs/lake.md §Files). They are the contract with the services and the course's tooling.
public enum LakeName {
    public static let people = "people_data.csv"
    public static let illnesses = "population_with_illnesses.csv"
    public static let staff = "staff_data.csv"
    public static let reserve = "reserve_pool.csv"
    public static func staffActive(_ date: SimDate) -> String { "staff_active_\(date).csv" }
    public static func workforceSummary(_ date: SimDate) -> String { "workforce_summary_\(date).txt" }
    public static func schedules(_ month: SimDate) -> String { "schedules_\(month.monthKey).csv" }
    public static func visitors(_ date: SimDate) -> String { "daily_visitors_\(date).csv" }
    public static func transport(_ date: SimDate, session: Int) -> String {
        "hospital_emergency_transport_\(date)_session_\(session).csv"
    }
    public static func transportReport(_ date: SimDate, session: Int) -> String {
        "hospital_emergency_transport_\(date)_session_\(session).txt"
    }
    public static func transfers(_ date: SimDate, session: Int) -> String { "hospital_transfers_\(date)_session_\(session).csv" }
    public static func transfersReport(_ date: SimDate, session: Int) -> String {
        "hospital_transfers_\(date)_session_\(session).txt"
    }
    public static func admissions(_ date: SimDate) -> String { "admissions_\(date).csv" }
    public static func hospitalSummary(_ date: SimDate) -> String { "hospital_summary_\(date).txt" }
    public static func dailySummary(_ date: SimDate) -> String { "daily_summary_\(date).json" }
}
