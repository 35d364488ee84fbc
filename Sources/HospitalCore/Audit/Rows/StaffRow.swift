/// A staff member as `staff_data.csv` or a roster snapshot (`staff_active_<D>.csv`) lists
/// them: both files carry the same columns under the same names.
public struct StaffRow: Sendable, Equatable {
    /// The file's name, quoted in a verdict's examples.
    public let file: String
    public let staffID: String
    public let personID: String
    public let role: String
    public let age: Int?
    /// As written, so a verdict quotes the file's own text.
    public let yearsOfService: String

    public var years: Double? { Double(yearsOfService) }
}

extension StaffRow {
    public init(_ record: NamedRecord, file: String) {
        self.init(
            file: file, staffID: record["staff_id"], personID: record["person_id"], role: record["role"], age: record.int("Age"),
            yearsOfService: record["years_of_service"])
    }
}
