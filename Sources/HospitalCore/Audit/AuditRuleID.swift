/// The audit's rules by name, in the order `hospital audit` prints them. The raw value is
/// the id a verdict line starts with (`PASS capacity: …`), so a script can pick one rule.
public enum AuditRuleID: String, CaseIterable, Sendable {
    case capacity
    case service
    case onePlace = "one place"
    case atWork = "at work"
    case seniorCover = "senior cover"
    case paramedic
    case rest
    case conditions
    case ownPatient = "own patient"
    case department
    case seniorAmbulance = "senior ambulance"
    case midnightCensus = "midnight census"
}
