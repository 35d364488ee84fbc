import HospitalCore

/// The sim date a daily batch file's name carries (docs/lake.md §Files), so the scheduler can tell how
/// far behind the ingestor is and `hospital status` can count days without reading files.
public enum DailyFile {
    /// The date in a daily file's name; nil for setup files (staff, snapshots, schedules) and
    /// anything else, which never hold the scheduler back.
    public static func date(of name: String) -> SimDate? {
        guard let parsed = LakeFileName(name: name), parsed.isDaily else { return nil }
        return parsed.date
    }

    /// The producer's outbox files in `names` dated before `date`: what MAX_INGEST_LAG_DAYS
    /// bounds on the producer's side; a file a producer holds in flight has not left yet.
    public static func outboxFiles(_ names: [String], before date: SimDate) -> [String] {
        names.filter { name in OutboxFile(entry: name).map { $0.date < date } ?? false }.sorted()
    }

    /// The ingestor's daily files in `names` dated before `date`: what MAX_INGEST_LAG_DAYS
    /// bounds on the ingestor's side. Outbox files are the producer's.
    public static func ingestorFiles(_ names: [String], before date: SimDate) -> [String] {
        names.filter { name in
            guard OutboxFile(entry: name) == nil, let day = DailyFile.date(of: name) else { return false }
            return day < date
        }.sorted()
    }
}
