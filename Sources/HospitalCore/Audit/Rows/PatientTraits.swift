/// What the conditions rule asks of anyone the lake gives a condition: an admission, a
/// visit or a person of the population, each under its own column names.
public struct PatientTraits: Sendable, Equatable {
    public let age: Int?
    public let gender: String
    /// The condition, or the list of them, as written.
    public let conditions: String
}

extension PatientTraits {
    public init(_ record: NamedRecord, conditions column: String) {
        self.init(age: record.int("Age"), gender: record["Gender"], conditions: record[column])
    }
}
