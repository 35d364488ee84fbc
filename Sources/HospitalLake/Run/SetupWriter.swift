import HospitalCore

/// The five setup steps of docs/lake.md §Setup steps, in order, each skipped when its flag exists.
public struct SetupWriter: Sendable {
    let world: HospitalWorld
    let writer: LakeWriter

    public init(world: HospitalWorld, writer: LakeWriter) {
        self.world = world
        self.writer = writer
    }

    public func run(progress: (String) -> Void = { _ in }) throws {
        let layout = writer.layout
        let population = PopulationCSV(world: world)
        for (flag, illnesses, name) in [
            (LakeFlag.Setup.people, false, LakeFileName.people), (LakeFlag.Setup.illnesses, true, LakeFileName.illnesses),
        ] {
            try writer.step(.setup(flag)) {
                progress(flag.rawValue)
                let file = try LakeFile(path: layout.processed + "/" + name.name)
                try file.write(PopulationCSV.header(illnesses: illnesses))
                let batch = 8
                for first in stride(from: 0, to: population.chunkCount, by: batch) {
                    let chunks = population.render(chunks: first..<min(population.chunkCount, first + batch), illnesses: illnesses)
                    for chunk in chunks { try file.write(chunk.bytes, rows: chunk.rows) }
                }
                return [try file.commit()]
            }
        }
        let staff = StaffCSV(world: world)
        try writer.step(.setup(.staff)) {
            progress(LakeFlag.Setup.staff.rawValue)
            let roster = staff.staffData()
            let reserve = staff.reservePool()
            return [
                try writer.write(roster.bytes, rows: roster.rows, name: .staff),
                try writer.write(reserve.bytes, rows: reserve.rows, name: .reserve),
            ]
        }
        try writer.step(.setup(.workforce)) {
            progress(LakeFlag.Setup.workforce.rawValue)
            return try world.workforce.steps.flatMap { step in
                let snapshot = staff.snapshot(step)
                return [
                    try writer.write(snapshot.bytes, rows: snapshot.rows, name: .staffActive(step.date)),
                    try writer.write(staff.summary(step), rows: 0, name: .workforceSummary(step.date)),
                ]
            }
        }
        let schedules = ScheduleCSV(world: world)
        try writer.step(.setup(.schedules)) {
            progress(LakeFlag.Setup.schedules.rawValue)
            let months = world.calendar.months
            var digests: [FileDigest] = []
            for first in stride(from: 0, to: months.count, by: 2) {
                let group = Array(months[first..<min(months.count, first + 2)])
                let rendered = parallelMap(group.count) { schedules.month(first: group[$0].first, last: group[$0].last) }
                for (month, file) in zip(group, rendered) {
                    digests.append(try writer.write(file.bytes, rows: file.rows, name: .schedules(month: month.first)))
                }
            }
            return digests
        }
    }
}
