import HospitalCore

/// The sim date a daily batch file's name carries (docs/lake.md §Files), so the scheduler can tell how
/// far behind the ingestor is and `hospital status` can count days without reading files.
public enum DailyFile {
    /// Name prefixes of the daily files, each followed by `<YYYY-MM-DD>` and a suffix.
    static let prefixes = [
        "daily_visitors_", "hospital_emergency_transport_", "hospital_transfers_", "admissions_", "hospital_summary_",
        "daily_summary_",
    ]

    /// The date in a daily file's name; nil for setup files (staff, snapshots, schedules) and
    /// anything else, which never hold the scheduler back.
    public static func date(of name: String) -> SimDate? {
        guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard rest.count >= 10 else { return nil }
        return SimDate(iso: rest.prefix(10))
    }

    /// The ingestor's daily files in `names` dated before `date`: what MAX_INGEST_LAG_DAYS
    /// bounds. Outbox files are the producer's, and the day gate already waits for them.
    public static func ingestorFiles(_ names: [String], before date: SimDate) -> [String] {
        names.filter { name in
            guard OutboxFile(name: name) == nil, !name.hasSuffix(".tmp"), let day = DailyFile.date(of: name) else { return false }
            return day < date
        }.sorted()
    }
}
