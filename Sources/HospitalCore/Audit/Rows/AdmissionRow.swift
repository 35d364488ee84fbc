/// An admission decision: who arrived with what, whether a bed was granted, and who
/// admitted them.
public struct AdmissionRow: Sendable, Equatable {
    public let visitID: String
    public let patientID: String
    public let patient: PatientTraits
    public let admitted: Bool
    /// Minutes since 1970-01-01; nil when empty (denied) or malformed.
    public let admissionTime: Int?
    public let inpatient: Bool
    public let unit: String
    /// The department whose staff work the unit, as the row names it.
    public var staffDepartment = ""
    public let dischargeTime: Int?
    public let doctorID: String
    public let nurseID: String
}

extension AdmissionRow {
    public init(_ record: NamedRecord) {
        self.init(
            visitID: record["visit_id"], patientID: record["patient_id"], patient: PatientTraits(record, conditions: "condition"),
            admitted: record["status"] == "Admitted", admissionTime: record.minute("admission_time"),
            inpatient: record["care_type"] == "Inpatient", unit: record["department"],
            staffDepartment: record["staff_department"], dischargeTime: record.minute("discharge_time"),
            doctorID: record["admitting_doctor_id"], nurseID: record["admitting_nurse_id"])
    }
}
