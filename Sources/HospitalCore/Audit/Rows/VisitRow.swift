/// A visit to the hospital: who came, with what, and when.
public struct VisitRow: Sendable, Equatable {
    public let visitID: String
    public let personID: String
    public let patient: PatientTraits
    /// Minutes since 1970-01-01; nil when malformed.
    public let arrivalTime: Int?
}

extension VisitRow {
    public init(_ record: NamedRecord) {
        self.init(
            visitID: record["visit_id"], personID: record["person_id"], patient: PatientTraits(record, conditions: "condition"),
            arrivalTime: record.minute("arrival_time"))
    }
}
