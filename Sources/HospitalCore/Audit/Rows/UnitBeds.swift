/// An inpatient unit's beds as one daily summary states them.
public struct UnitBeds: Sendable, Equatable {
    public let unit: String
    public let beds: Int

    public init(unit: String, beds: Int) {
        self.unit = unit
        self.beds = beds
    }
}
