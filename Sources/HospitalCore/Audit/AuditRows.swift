/// Every row the audit reads from a lake, each file parsed once, in the order of the files'
/// names: the rules quote their first few faults in that order.
public struct AuditRows: Sendable {
    /// `staff_data.csv`, then the roster snapshots.
    public var staff: [StaffRow] = []
    public var schedules: [ScheduleRow] = []
    /// The inpatient units of every daily summary, day after day.
    public var beds: [UnitBeds] = []
    public var admissions: [AdmissionRow] = []
    public var visits: [VisitRow] = []
    public var transports: [TransportRow] = []
    /// Transfers name no staff and no bed, so only their number is shown.
    public var transfers = 0
    public var population: [PatientTraits] = []

    public init() {}
}
