/// `clinical_model.json`: conditions, units, intake, transports and transfers.
public struct ClinicalModel: Decodable, Sendable {
    public struct AgeGroup: Decodable, Sendable {
        public let name: String
        public let min: Int
        public let max: Int
    }

    /// Who can carry a condition: a sex (any when absent) and an age range.
    public struct Eligibility: Decodable, Sendable {
        public let gender: String?
        public let minAge: Int
        public let maxAge: Int
        enum CodingKeys: String, CodingKey {
            case gender
            case minAge = "min_age"
            case maxAge = "max_age"
        }
    }

    public struct Detail: Decodable, Sendable {
        public let name: String
        public let unit: String?
        /// The youngest age the specialisation is drawn for (any when absent).
        public let minAge: Int?
        enum CodingKeys: String, CodingKey {
            case name, unit
            case minAge = "min_age"
        }
    }

    public struct Condition: Decodable, Sendable {
        public let name: String
        public let severity: Int
        public let severityLabel: String?
        public let unit: String
        public let stayDays: [Int]?
        public let emtRemedy: String
        public let hospitalRemedy: String
        /// One probability per age group; absent for visit-only conditions.
        public let probability: [Double]?
        public let eligible: Eligibility?
        public let details: [Detail]?

        enum CodingKeys: String, CodingKey {
            case name, severity, unit, probability, eligible, details
            case severityLabel = "severity_label"
            case stayDays = "stay_days"
            case emtRemedy = "emt_remedy"
            case hospitalRemedy = "hospital_remedy"
        }
    }

    public struct Triage: Decodable, Sendable {
        public let label: String
        public let mean: Double
        public let sd: Double
    }

    public struct Unit: Decodable, Sendable {
        public let name: String
        public let care: String
        public let capacity: Int
        public let staffDepartment: String
        enum CodingKeys: String, CodingKey {
            case name, care, capacity
            case staffDepartment = "staff_department"
        }
        public var isInpatient: Bool { care == "Inpatient" }
    }

    public struct Pediatrics: Decodable, Sendable {
        public let maxAge: Int
        public let unit: String
        public let fromUnits: [String]
        enum CodingKeys: String, CodingKey {
            case unit
            case maxAge = "max_age"
            case fromUnits = "from_units"
        }
    }

    public struct Weighted: Decodable, Sendable {
        public let name: String
        public let weight: Int
    }

    public struct Seasonal: Decodable, Sendable {
        public let condition: String
        public let share: Double
        public let months: [Int]
    }

    public struct Intake: Decodable, Sendable {
        public let monthlyLimit: Int
        public let reducedMonthlyLimit: Int
        public let reducedFrom: String
        public let reducedUntil: String
        public let minimumDaily: Int
        public let routineVisitShare: Double
        public let routineReasons: [Weighted]
        public let arrivalHourWeights: [Int]
        public let seasonal: [Seasonal]
        enum CodingKeys: String, CodingKey {
            case seasonal
            case monthlyLimit = "monthly_limit"
            case reducedMonthlyLimit = "reduced_monthly_limit"
            case reducedFrom = "reduced_from"
            case reducedUntil = "reduced_until"
            case minimumDaily = "minimum_daily"
            case routineVisitShare = "routine_visit_share"
            case routineReasons = "routine_reasons"
            case arrivalHourWeights = "arrival_hour_weights"
        }
    }

    public struct Transport: Decodable, Sendable {
        public let ambulanceMinSeverity: Int
        public let ambulanceMinAge: Int
        public let ambulanceUnderAge: Int
        public let seniorDoctorSeverity: Int
        enum CodingKeys: String, CodingKey {
            case ambulanceMinSeverity = "ambulance_min_severity"
            case ambulanceMinAge = "ambulance_min_age"
            case ambulanceUnderAge = "ambulance_under_age"
            case seniorDoctorSeverity = "senior_doctor_severity"
        }
    }

    public struct TransferReason: Decodable, Sendable {
        public let name: String
        /// "hospital", "rehabilitation" or "any".
        public let to: String
        public let fromUnits: [String]
        enum CodingKeys: String, CodingKey {
            case name, to
            case fromUnits = "from_units"
        }
    }

    public struct Transfers: Decodable, Sendable {
        public let shareOfInpatients: Double
        public let delayHours: [Int]
        public let reasons: [TransferReason]
        public let modes: [Weighted]
        public let ambulanceMinSeverity: Int
        enum CodingKeys: String, CodingKey {
            case reasons, modes
            case shareOfInpatients = "share_of_inpatients"
            case delayHours = "delay_hours"
            case ambulanceMinSeverity = "ambulance_min_severity"
        }
    }

    public struct Facility: Decodable, Sendable {
        public let name: String
        public let area: String
        public let kind: String
        public let rehabilitation: Bool
        /// The only units it takes transfers from (a mother-and-child hospital); any when absent.
        public let fromUnits: [String]?
        enum CodingKeys: String, CodingKey {
            case name, area, kind, rehabilitation
            case fromUnits = "from_units"
        }
    }

    public let ageGroups: [AgeGroup]
    public let noIllness: String
    public let severityLabelsBySeverity: [String]
    public let triageMinutes: [Triage]
    public let minimumTriageMinutes: Int
    public let conditions: [Condition]
    public let visitOnlyConditions: [Condition]
    public let units: [Unit]
    public let pediatrics: Pediatrics
    public let outpatientStayHours: [Int]
    public let dischargeHours: [Int]
    public let intake: Intake
    public let sessionsPerDay: Int
    public let transport: Transport
    public let transfers: Transfers
    public let facilities: [Facility]

    enum CodingKeys: String, CodingKey {
        case conditions, units, pediatrics, intake, transport, transfers, facilities
        case ageGroups = "age_groups"
        case noIllness = "no_illness"
        case severityLabelsBySeverity = "severity_labels_by_severity"
        case triageMinutes = "triage_minutes"
        case minimumTriageMinutes = "minimum_triage_minutes"
        case visitOnlyConditions = "visit_only_conditions"
        case outpatientStayHours = "outpatient_stay_hours"
        case dischargeHours = "discharge_hours"
        case sessionsPerDay = "sessions_per_day"
    }
}
