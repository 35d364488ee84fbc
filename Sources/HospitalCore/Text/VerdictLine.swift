/// The one shape of a check's line, `PASS <id>: <text>` or `FAIL <id>: <text>`. `hospital
/// audit` and `hospital verify` print it and ci/ greps it (`^PASS`, `^FAIL`), so a script
/// can count the checks, or pick one by its id, without knowing which command printed it.
public enum VerdictLine {
    public static func format(passed: Bool, id: String, _ text: String) -> String {
        (passed ? "PASS " : "FAIL ") + id + ": " + text
    }
}
