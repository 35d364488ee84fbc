/// Names and text of a person, resolved against the demographics config.
public struct PersonNames: Sendable {
    let demographics: Demographics

    public init(_ demographics: Demographics) { self.demographics = demographics }

    public func first(_ population: Population, _ person: Int) -> String {
        let race = demographics.races[Int(population.race[person])]
        return population.gender[person] == 0
            ? race.male[Int(population.firstName[person])] : race.female[Int(population.firstName[person])]
    }

    public func surname(_ population: Population, _ person: Int) -> String {
        demographics.races[Int(population.race[person])].surnames[Int(population.surname[person])]
    }

    public func gender(_ population: Population, _ person: Int) -> String {
        demographics.genders[Int(population.gender[person])]
    }

    public func race(_ population: Population, _ person: Int) -> String {
        demographics.races[Int(population.race[person])].name
    }

    public func address(_ population: Population, _ person: Int) -> String {
        "\(population.houseNumber[person]) \(demographics.streets[Int(population.street[person])]), "
            + "\(demographics.cities[Int(population.city[person])]), \(demographics.province)"
    }
}
