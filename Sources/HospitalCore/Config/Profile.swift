/// The three sizes of run (docs/profiles-and-goldens.md §Profiles). Factors are in parts per 10,000 so scaling is
/// integer arithmetic, identical everywhere.
public struct Profile: Sendable, Equatable {
    public let name: String
    public let calendar: SimCalendar
    public let population: Int
    public let staffFactor: Int
    public let volumeFactor: Int

    public static let fullCalendar = SimCalendar(
        start: SimDate(year: 2022, month: 11, day: 20), end: SimDate(year: 2025, month: 3, day: 31))

    public static let full = Profile(
        name: "full", calendar: fullCalendar, population: 3_000_000, staffFactor: 10_000, volumeFactor: 10_000)
    public static let golden = Profile(
        name: "golden",
        calendar: SimCalendar(start: fullCalendar.start, end: SimDate(year: 2022, month: 12, day: 3)),
        population: 2_000, staffFactor: 500, volumeFactor: 200)
    public static let tiny = Profile(
        name: "tiny", calendar: fullCalendar, population: 1_000, staffFactor: 500, volumeFactor: 100)

    public static let all = [full, golden, tiny]

    public static func named(_ name: String) -> Profile? { all.first { $0.name == name } }

    public func with(calendar: SimCalendar) -> Profile {
        Profile(name: name, calendar: calendar, population: population, staffFactor: staffFactor, volumeFactor: volumeFactor)
    }

    /// The profile at another population, staff and daily volume scaled with it, so a benchmark can
    /// measure growth in people (docs/performance.md §Scaling); such a lake matches no golden.
    public func with(population people: Int) -> Profile {
        func scaled(_ factor: Int) -> Int { max(1, Int((Int64(factor) * Int64(people)) / Int64(population))) }
        return Profile(
            name: name, calendar: calendar, population: people, staffFactor: scaled(staffFactor),
            volumeFactor: scaled(volumeFactor))
    }

    /// `count` scaled by a factor, rounded half up, at least `minimum`.
    public static func scale(_ count: Int, by factor: Int, minimum: Int = 0) -> Int {
        max(minimum, (count * factor + 5_000) / 10_000)
    }

    /// `count` scaled by a factor, rounded up.
    public static func scaleUp(_ count: Int, by factor: Int) -> Int {
        (count * factor + 9_999) / 10_000
    }
}
