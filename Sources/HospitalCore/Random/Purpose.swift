/// What a stream is for. Raw values are fixed forever: changing one changes the goldens.
public enum Purpose: UInt64, Sendable {
    case population = 1
    case illness = 2
    case staff = 3
    case reserve = 4
    case workforce = 5
    case cycle = 6
    case visitors = 7
    case admissions = 8
    case transports = 9
    case transfers = 10
    case personID = 11
    case staffID = 12
    case visitID = 13
    case admissionID = 14
    case transportID = 15
    case transferID = 16
    case eventID = 17
    case coverage = 18
}
