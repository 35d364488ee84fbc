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
