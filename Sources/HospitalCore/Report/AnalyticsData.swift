/// The rows of the warehouse's `analytics` views (docs/warehouse.md §Analytics views), as
/// the report draws them: one array per view, in the order the reader sorted them, so the
/// same warehouse always gives the same report.
public struct AnalyticsData: Sendable, Equatable {
    /// `analytics.ward_census_daily`: midnight census of one inpatient ward.
    public struct Census: Sendable, Equatable {
        public let date: SimDate
        public let unit: String
        public let capacity: Int?
        public let occupied: Int
        public init(date: SimDate, unit: String, capacity: Int?, occupied: Int) {
            (self.date, self.unit, self.capacity, self.occupied) = (date, unit, capacity, occupied)
        }
    }

    /// `analytics.admissions_daily`: one arrival day at one care unit.
    public struct Admissions: Sendable, Equatable {
        public let date: SimDate
        public let unit: String
        public let care: String
        public let visits: Int
        public let admitted: Int
        public let denied: Int
        public init(date: SimDate, unit: String, care: String, visits: Int, admitted: Int, denied: Int) {
            (self.date, self.unit, self.care) = (date, unit, care)
            (self.visits, self.admitted, self.denied) = (visits, admitted, denied)
        }
    }

    /// `analytics.length_of_stay`; `condition` is nil on the row of the whole unit.
    public struct Stay: Sendable, Equatable {
        public let unit: String
        public let condition: String?
        public let stays: Int
        public let meanDays: Double
        public let medianDays: Double
        public let p90Days: Double
        public let maxDays: Double
        public init(unit: String, condition: String?, stays: Int, meanDays: Double, medianDays: Double, p90Days: Double, maxDays: Double) {
            (self.unit, self.condition, self.stays) = (unit, condition, stays)
            (self.meanDays, self.medianDays, self.p90Days, self.maxDays) = (meanDays, medianDays, p90Days, maxDays)
        }
    }

    /// `analytics.arrivals_by_hour`: ISO weekday 1 (Monday) to 7, hour 0 to 23.
    public struct Arrivals: Sendable, Equatable {
        public let weekday: Int
        public let hour: Int
        public let arrivals: Int
        public let byAmbulance: Int
        public init(weekday: Int, hour: Int, arrivals: Int, byAmbulance: Int) {
            (self.weekday, self.hour, self.arrivals, self.byAmbulance) = (weekday, hour, arrivals, byAmbulance)
        }
    }

    /// `analytics.transports_by_type`.
    public struct Transports: Sendable, Equatable {
        public let type: String
        public let severity: Int
        public let transports: Int
        public let withParamedic: Int
        public init(type: String, severity: Int, transports: Int, withParamedic: Int) {
            (self.type, self.severity, self.transports, self.withParamedic) = (type, severity, transports, withParamedic)
        }
    }

    /// `analytics.transfers_by_reason`.
    public struct Transfers: Sendable, Equatable {
        public let reason: String
        public let destination: String
        public let area: String
        public let transfers: Int
        public init(reason: String, destination: String, area: String, transfers: Int) {
            (self.reason, self.destination, self.area, self.transfers) = (reason, destination, area, transfers)
        }
    }

    /// `analytics.workforce_quarterly`.
    public struct Workforce: Sendable, Equatable {
        public let quarterStart: SimDate
        public let quarter: String
        public let lastSnapshot: SimDate
        public let active: Int
        public let hired: Int
        public let retired: Int
        public init(quarterStart: SimDate, quarter: String, lastSnapshot: SimDate, active: Int, hired: Int, retired: Int) {
            (self.quarterStart, self.quarter, self.lastSnapshot) = (quarterStart, quarter, lastSnapshot)
            (self.active, self.hired, self.retired) = (active, hired, retired)
        }
    }

    /// `analytics.schedule_coverage`.
    public struct Coverage: Sendable, Equatable {
        public let department: String
        public let shift: String
        public let staffedDays: Int
        public let staffShifts: Int
        public let seniorShifts: Int
        public let daysWithSenior: Int
        public init(department: String, shift: String, staffedDays: Int, staffShifts: Int, seniorShifts: Int, daysWithSenior: Int) {
            (self.department, self.shift, self.staffedDays) = (department, shift, staffedDays)
            (self.staffShifts, self.seniorShifts, self.daysWithSenior) = (staffShifts, seniorShifts, daysWithSenior)
        }
    }

    public var census: [Census] = []
    public var admissions: [Admissions] = []
    public var stays: [Stay] = []
    public var arrivals: [Arrivals] = []
    public var transports: [Transports] = []
    public var transfers: [Transfers] = []
    public var workforce: [Workforce] = []
    public var coverage: [Coverage] = []

    public init() {}
}
