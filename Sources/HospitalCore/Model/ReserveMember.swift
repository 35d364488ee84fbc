/// A person in the reserve pool, with the experience they would bring.
public struct ReserveMember: Sendable, Equatable {
    public let person: Int
    public let quarters: Int
}
