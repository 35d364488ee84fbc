/// The granted inpatient stays of the admissions: in admission order for counting beds, and
/// by patient, in order of start, for asking where a person was at a minute.
public struct InpatientStays: Sendable {
    public struct Stay: Sendable, Equatable {
        public let visit: String
        public let unit: String
        public let span: MinuteSpan
    }

    public private(set) var all: [Stay] = []
    public private(set) var byPatient: [String: [Stay]] = [:]

    public init(admissions: [AdmissionRow]) {
        for row in admissions where row.admitted && row.inpatient {
            guard let start = row.admissionTime, let end = row.dischargeTime else { continue }
            let stay = Stay(visit: row.visitID, unit: row.unit, span: MinuteSpan(start, end))
            all.append(stay)
            byPatient[row.patientID, default: []].append(stay)
        }
        for key in byPatient.keys { byPatient[key]!.sort { $0.span.start < $1.span.start } }
    }

    /// The person's stay, other than `visit`'s own, that covers `minute`.
    public func stay(of person: String, at minute: Int, except visit: String) -> Stay? {
        byPatient[person]?.first { $0.visit != visit && $0.span.start <= minute && minute < $0.span.end }
    }
}
