/// `demographics.json`: who lives in the catchment area.
public struct Demographics: Decodable, Sendable {
    public struct Race: Decodable, Sendable {
        public let name: String
        public let weight: Int
        public let male: [String]
        public let female: [String]
        public let surnames: [String]
    }

    public let races: [Race]
    public let genders: [String]
    public let ageYears: [Int]
    public let addressNumbers: [Int]
    public let streets: [String]
    public let cities: [String]
    public let province: String

    enum CodingKeys: String, CodingKey {
        case races, genders, streets, cities, province
        case ageYears = "age_years"
        case addressNumbers = "address_numbers"
    }
}
