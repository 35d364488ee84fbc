/// A person arriving at the hospital on a day, with the condition they present.
public struct Visit: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case illness
        case routine
        case seasonal
    }

    public let id: DeterministicUUID
    public let person: Int
    public let age: Int
    public let condition: Int
    /// The specialisation of the condition, when it has one.
    public let detail: Int?
    public let unit: Int
    public let arrival: SimMinute
    public let reason: Reason
    /// 1-based stream session the visit belongs to.
    public internal(set) var session: Int
}

/// The outcome of a visit: a bed or a place, or a denial for lack of capacity.
public struct Admission: Sendable, Equatable {
    public let id: DeterministicUUID
    public let visit: Visit
    public let triageMinutes: Int
    public let admitted: SimMinute
    public let granted: Bool
    public let discharge: SimMinute?
    public let doctor: Int?
    public let nurse: Int?
    public let transfer: Transfer?
}

/// A planned move of an inpatient to another facility, published the day after admission.
public struct Transfer: Sendable, Equatable {
    public let id: DeterministicUUID
    public let admission: DeterministicUUID
    public let person: Int
    public let age: Int
    public let condition: Int
    public let detail: Int?
    public let unit: Int
    public let admitted: SimMinute
    public let time: SimMinute
    public let reason: Int
    public let facility: Int
    public let mode: Int
    public internal(set) var session: Int
}

/// How a visitor reached the hospital and who attended.
public struct Transport: Sendable, Equatable {
    public let id: DeterministicUUID
    public let visit: Visit
    public let ambulance: Bool
    public let paramedic: Int?
    public let physician: Int?
    public let nurse: Int?
}
