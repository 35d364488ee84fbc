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
                // Batches of chunks rendered on all cores, one batch ahead of the hashing and writing.
                let batch = 8
                let firsts = Array(stride(from: 0, to: population.chunkCount, by: batch))
                let ahead = OneAhead(count: firsts.count, name: "population-ahead") { index in
                    population.render(chunks: firsts[index]..<min(population.chunkCount, firsts[index] + batch), illnesses: illnesses)
                }
                defer { ahead.abandon() }
                while let chunks = ahead.next() {
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
                try writer.write(RenderedFile(.staff, roster.bytes, rows: roster.rows)),
                try writer.write(RenderedFile(.reserve, reserve.bytes, rows: reserve.rows)),
            ]
        }
        try writer.step(.setup(.workforce)) {
            progress(LakeFlag.Setup.workforce.rawValue)
            return try world.workforce.steps.flatMap { step in
                let snapshot = staff.snapshot(step)
                return [
                    try writer.write(RenderedFile(.staffActive(step.date), snapshot.bytes, rows: snapshot.rows)),
                    try writer.write(RenderedFile(.workforceSummary(step.date), staff.summary(step), rows: 0)),
                ]
            }
        }
        let schedules = ScheduleCSV(world: world)
        try writer.step(.setup(.schedules)) {
            progress(LakeFlag.Setup.schedules.rawValue)
            // Two months at a time on all cores, rendered and hashed one pair ahead of the writing.
            let months = world.calendar.months
            let firsts = Array(stride(from: 0, to: months.count, by: 2))
            let ahead = OneAhead(count: firsts.count, name: "schedules-ahead") { index in
                let group = Array(months[firsts[index]..<min(months.count, firsts[index] + 2)])
                return parallelMap(group.count) { month in
                    let file = schedules.month(first: group[month].first, last: group[month].last)
                    return RenderedFile(.schedules(month: group[month].first), file.bytes, rows: file.rows)
                }
            }
            defer { ahead.abandon() }
            var digests: [FileDigest] = []
            while let files = ahead.next() { digests += try files.map(writer.write) }
            return digests
        }
    }
}
