/// Fills the posts of the workforce config from the population and draws the reserve pool.
/// Hires are at most `max_hire_age`, so nobody retires in the first quarter.
public struct StaffGenerator: Sendable {
    let config: HospitalConfig
    let catalog: Catalog
    let streams: Streams
    let profile: Profile

    public init(config: HospitalConfig, catalog: Catalog, streams: Streams, profile: Profile) {
        self.config = config
        self.catalog = catalog
        self.streams = streams
        self.profile = profile
    }

    public func generate(_ population: Population) throws -> (staff: [StaffMember], reserve: [ReserveMember]) {
        let start = profile.calendar.start
        let workforce = config.workforce
        let ages = population.birthDay.indices.map { population.age($0, on: start) }
        let adults = ages.indices.filter { ages[$0] >= workforce.reserveMinimumAge }
        var taken = [Bool](repeating: false, count: population.count)
        var staff: [StaffMember] = []
        var rng = streams.stream(.staff)
        for group in workforce.groups {
            let posts = Profile.scaleUp(group.posts, by: profile.staffFactor)
            let perRole = (posts + group.roles.count - 1) / group.roles.count
            for roleName in group.roles {
                let role = catalog.roles.firstIndex(of: roleName)!
                let clinical = catalog.isDoctor[role] || catalog.isNurse[role] || catalog.isParamedic[role]
                let posts = clinical ? max(perRole, workforce.roundTheClockPosts ?? 0) : perRole
                let minimum = catalog.roleMinimumAge[role]
                // A year past the role's minimum age, and service a year short of the most it could be:
                // service grows a quarter every 90 days but age a year only on birthdays, so this keeps
                // years of service within age minus the minimum age on every day of the run.
                let candidates = adults.filter { ages[$0] > minimum && ages[$0] <= workforce.maxHireAge }
                let departmentOffset = rng.below(catalog.departments.count)
                for slot in 0..<posts {
                    let person = try draw(from: candidates, taken: &taken, rng: &rng, what: roleName)
                    let quarters = rng.int(in: 0...(ages[person] - minimum - 1)) * 4
                    staff.append(
                        StaffMember(
                            serial: staff.count, person: person, role: role,
                            department: (departmentOffset + slot) % catalog.departments.count,
                            hired: start.adding(days: -quarters * 365 / 4), quartersAtHire: quarters, joined: start))
                }
            }
        }
        var reserveRNG = streams.stream(.reserve)
        let target = Profile.scale(workforce.reservePool, by: profile.staffFactor)
        // Only people who could still be hired: the course's pool held pensioners nobody could take.
        let free = adults.filter { !taken[$0] && ages[$0] < workforce.retirementAge }
        var reserve: [ReserveMember] = []
        for _ in 0..<min(target, free.count) {
            let person = try draw(from: free, taken: &taken, rng: &reserveRNG, what: "reserve pool")
            let years = ages[person] - workforce.reserveMinimumAge
            reserve.append(ReserveMember(person: person, quarters: reserveRNG.int(in: 0...years) * 4))
        }
        return (staff, reserve)
    }

    /// A uniformly drawn candidate not yet taken: rejection first, then a scan of what is left.
    private func draw(from candidates: [Int], taken: inout [Bool], rng: inout SplitMix64, what: String) throws -> Int {
        guard !candidates.isEmpty else { throw GenerationError.populationTooSmall(what) }
        for _ in 0..<64 {
            let person = candidates[rng.below(candidates.count)]
            if !taken[person] {
                taken[person] = true
                return person
            }
        }
        let left = candidates.filter { !taken[$0] }
        guard !left.isEmpty else { throw GenerationError.populationTooSmall(what) }
        let person = left[rng.below(left.count)]
        taken[person] = true
        return person
    }
}
