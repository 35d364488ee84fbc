/// How a visitor reached the hospital and who attended.
public struct Transport: Sendable, Equatable {
    public let id: DeterministicUUID
    public let visit: Visit
    public let ambulance: Bool
    public let paramedic: Int?
    public let physician: Int?
    public let nurse: Int?
}
