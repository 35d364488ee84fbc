/// `scheduler_state.json`: the day in progress, whether the run is complete, and what the
/// run is (profile, seed, calendar and a digest of its other inputs), so a restart with
/// other inputs is refused instead of writing a lake no clean run would. It holds no
/// wall-clock time, so a finished lake is the same bytes however often it was interrupted.
public struct SchedulerState: Sendable, Equatable {
    public enum Status: String, Sendable {
        case running
        case complete
    }

    public static let generatorVersion = "hospital-generator/2"

    public let currentDate: SimDate
    public let status: Status
    public let profile: String
    public let seed: UInt64
    /// The calendar the run covers; nil in a state written before the state named it.
    public let calendar: SimCalendar?
    public let daysCompleted: Int
    public let daysTotal: Int
    /// `HospitalWorld.inputsDigest` of the run; nil in a state written before the state named it.
    public let inputsDigest: String?

    public init(
        currentDate: SimDate, status: Status, profile: String, seed: UInt64, calendar: SimCalendar?, daysCompleted: Int,
        daysTotal: Int, inputsDigest: String?
    ) {
        self.currentDate = currentDate
        self.status = status
        self.profile = profile
        self.seed = seed
        self.calendar = calendar
        self.daysCompleted = daysCompleted
        self.daysTotal = daysTotal
        self.inputsDigest = inputsDigest
    }

    /// The state `world`'s run saves with `date` in progress (or, when complete, the last day done).
    public init(world: HospitalWorld, date: SimDate, status: Status) {
        let calendar = world.calendar
        self.init(
            currentDate: date, status: status, profile: world.profile.name, seed: world.streams.seed, calendar: calendar,
            daysCompleted: date.dayNumber - calendar.start.dayNumber + (status == .complete ? 1 : 0),
            daysTotal: calendar.dayCount, inputsDigest: world.inputsDigest)
    }

    /// The days the state says are done, flags and all: those before the day in progress, or
    /// every day once complete.
    public func daysDone(in calendar: SimCalendar) -> [SimDate] {
        calendar.dates.filter { $0 < currentDate || status == .complete }
    }

    public var json: [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.member("current_sim_date", currentDate.description)
        json.member("status", status.rawValue)
        json.member("profile", profile)
        json.member("seed", String(seed))
        if let calendar {
            json.member("calendar_start", calendar.start.description)
            json.member("calendar_end", calendar.end.description)
        }
        json.member("days_completed", daysCompleted)
        json.member("days_total", daysTotal)
        if let inputsDigest { json.member("inputs_sha256", inputsDigest) }
        json.member("generator", Self.generatorVersion)
        json.endObject()
        return json.line
    }
}
