/// `people_data.csv` and `population_with_illnesses.csv`, rendered in chunks on all cores.
public struct PopulationCSV: Sendable {
    let world: HospitalWorld

    public init(world: HospitalWorld) { self.world = world }

    public static let chunkSize = 1 << 15

    public var chunkCount: Int { (world.population.count + Self.chunkSize - 1) / Self.chunkSize }

    /// Chunks `first..<first+count` of the file, each with its row count.
    public func render(chunks: Range<Int>, illnesses: Bool) -> [(bytes: [UInt8], rows: Int)] {
        let lower = chunks.lowerBound
        return parallelMap(chunks.count) { offset in
            let chunk = lower + offset
            let range = chunk * Self.chunkSize..<min(world.population.count, (chunk + 1) * Self.chunkSize)
            var text = ByteText(capacity: range.count * (illnesses ? 260 : 110))
            for person in range { row(person, illnesses: illnesses, into: &text) }
            return (text.bytes, range.count)
        }
    }

    public static func header(illnesses: Bool) -> [UInt8] {
        var text = ByteText()
        CSVRow.header(illnesses ? LakeColumns.illnesses : LakeColumns.people, into: &text)
        return text.bytes
    }

    private func row(_ person: Int, illnesses: Bool, into text: inout ByteText) {
        let population = world.population
        let names = world.names
        var row = CSVRow()
        row.field(world.personID(person), into: &text)
        row.field(names.first(population, person), into: &text)
        row.field(names.surname(population, person), into: &text)
        row.field(names.gender(population, person), into: &text)
        row.field(names.race(population, person), into: &text)
        row.field(date: population.birthDate(person), into: &text)
        row.field(names.address(population, person), into: &text)
        if illnesses {
            let age = population.age(person, on: world.calendar.start)
            row.field(age, into: &text)
            row.field(world.catalog.ageGroups[world.catalog.ageGroup(forAge: age)].name, into: &text)
            let issues = population.issueList(person)
            let slots = world.catalog.detailConditions
            let conditions = issues.isEmpty ? [world.catalog.noIllness] : issues
            let texts = conditions.map { issue in
                world.conditionText(issue, detail: slots.firstIndex(of: issue).map { population.detail(person, slot: $0) })
            }
            row.field(bytes: JSONText.stringArray(texts), into: &text)
            row.field(bytes: JSONText.stringArray(conditions.map { world.catalog.conditions[$0].emtRemedy }), into: &text)
            row.field(bytes: JSONText.stringArray(conditions.map { world.catalog.conditions[$0].hospitalRemedy }), into: &text)
        }
        row.end(into: &text)
    }
}
