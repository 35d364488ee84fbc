/// Everyone in the catchment area, as parallel arrays of small integers (3 million people
/// fit in about 70 MB), regenerated from the seed on every start instead of re-read.
public struct Population: Sendable {
    public internal(set) var race: [UInt8]
    public internal(set) var gender: [UInt8]
    public internal(set) var firstName: [UInt16]
    public internal(set) var surname: [UInt16]
    public internal(set) var birthDay: [Int32]
    public internal(set) var houseNumber: [UInt8]
    public internal(set) var street: [UInt8]
    public internal(set) var city: [UInt8]
    /// Bit `i` set: the person carries issue `i` of the catalog.
    public internal(set) var issues: [UInt64]
    /// 4 bits per detail slot (`Catalog.detailConditions`): the chosen specialisation.
    public internal(set) var details: [UInt16]

    public var count: Int { race.count }

    mutating func append(_ other: Population) {
        race += other.race
        gender += other.gender
        firstName += other.firstName
        surname += other.surname
        birthDay += other.birthDay
        houseNumber += other.houseNumber
        street += other.street
        city += other.city
        issues += other.issues
        details += other.details
    }

    init(count: Int) {
        race = .init(repeating: 0, count: count)
        gender = .init(repeating: 0, count: count)
        firstName = .init(repeating: 0, count: count)
        surname = .init(repeating: 0, count: count)
        birthDay = .init(repeating: 0, count: count)
        houseNumber = .init(repeating: 0, count: count)
        street = .init(repeating: 0, count: count)
        city = .init(repeating: 0, count: count)
        issues = .init(repeating: 0, count: count)
        details = .init(repeating: 0, count: count)
    }

    public func birthDate(_ person: Int) -> SimDate { SimDate(dayNumber: Int(birthDay[person])) }

    public func age(_ person: Int, on date: SimDate) -> Int { date.years(since: birthDate(person)) }

    /// The issues a person carries, in catalog order.
    public func issueList(_ person: Int) -> [Int] {
        var bits = issues[person]
        var result: [Int] = []
        while bits != 0 {
            result.append(bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        return result
    }

    public func detail(_ person: Int, slot: Int) -> Int { Int((details[person] >> UInt16(slot * 4)) & 0xF) }
}
