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
