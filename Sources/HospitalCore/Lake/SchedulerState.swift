/// `scheduler_state.json`: the day in progress and whether the run is complete. It holds no
/// wall-clock time, so a finished lake is the same bytes however often it was interrupted.
public struct SchedulerState: Sendable, Equatable {
    public enum Status: String, Sendable {
        case running
        case complete
    }

    public static let generatorVersion = "hospital-generator/1"

    public let currentDate: SimDate
    public let status: Status
    public let profile: String
    public let seed: UInt64
    public let daysCompleted: Int
    public let daysTotal: Int

    public init(currentDate: SimDate, status: Status, profile: String, seed: UInt64, daysCompleted: Int, daysTotal: Int) {
        self.currentDate = currentDate
        self.status = status
        self.profile = profile
        self.seed = seed
        self.daysCompleted = daysCompleted
        self.daysTotal = daysTotal
    }

    public var json: [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.member("current_sim_date", currentDate.description)
        json.member("status", status.rawValue)
        json.member("profile", profile)
        json.member("seed", String(seed))
        json.member("days_completed", daysCompleted)
        json.member("days_total", daysTotal)
        json.member("generator", Self.generatorVersion)
        json.endObject()
        return json.line
    }
}
