/// What was wrong with a lake input, in the words a machine reads: the `problem` of a
/// quarantine report (docs/lake.md §Failed files). The sentence in `reason` says the same
/// for people, with the position and the offending value.
public enum InputProblem: String, Sendable, CaseIterable {
    /// A CSV file that does not parse or breaks a column's rule.
    case malformedCSV = "malformed_csv"
    /// A JSON document or event line that does not parse or breaks a field's rule.
    case malformedJSON = "malformed_json"
    /// A batch file that differs from its flag, or that no flag lists.
    case flagMismatch = "flag_mismatch"
    /// A file a flag lists that was deleted before it was loaded.
    case missingFile = "missing_file"
    /// A dated file outside the run's calendar.
    case outsideCalendar = "outside_calendar"
    /// A file whose name was loaded already with other bytes.
    case replaced
    /// A row that references one the warehouse does not have and will not get.
    case missingReference = "missing_reference"
    /// A row PostgreSQL refused (`sqlstate`, `constraint`, `table`).
    case refused
    /// Events of a landed chunk set aside, each with its own reason.
    case setAside = "set_aside"
    /// A name no service owns, in a folder a service reads.
    case strangeName = "strange_name"
    /// An entry that is not a regular file (a link, a folder, a FIFO): never opened.
    case notRegular = "not_regular"
    /// Offsets the broker deleted before they were landed.
    case offsetGap = "offset_gap"
    /// A report written before problems were named.
    case unknown
}
