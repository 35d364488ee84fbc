/// An inpatient unit's beds as one daily summary states them, and how many it says were
/// held at the midnight that ends its day.
public struct UnitBeds: Sendable, Equatable {
    public let unit: String
    public let beds: Int
    /// The summary's date as minutes since 1970-01-01; nil when it does not read.
    public let date: Int?
    /// `occupied_at_midnight`; nil when absent.
    public let occupied: Int?

    public init(unit: String, beds: Int, date: Int? = nil, occupied: Int? = nil) {
        self.unit = unit
        self.beds = beds
        self.date = date
        self.occupied = occupied
    }
}
