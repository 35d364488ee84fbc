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
