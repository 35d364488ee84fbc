/// An emergency transport: whom it brought, when, how, and the crew it names.
public struct TransportRow: Sendable, Equatable {
    public let visitID: String
    public let patientID: String
    /// Minutes since 1970-01-01; nil when malformed.
    public let time: Int?
    public var severity: Int?
    /// The care unit the patient is brought to.
    public var unit = ""
    public let ambulance: Bool
    public let paramedicID: String
    public let physicianID: String
    public let nurseID: String
}

extension TransportRow {
    public init(_ record: NamedRecord) {
        self.init(
            visitID: record["visit_id"], patientID: record["patient_id"], time: record.minute("transport_time"),
            severity: record.int("severity"), unit: record["department"],
            ambulance: record["transport_type"] == "Ambulance", paramedicID: record["attending_paramedic_id"],
            physicianID: record["attending_physician_id"], nurseID: record["attending_nurse_id"])
    }
}
