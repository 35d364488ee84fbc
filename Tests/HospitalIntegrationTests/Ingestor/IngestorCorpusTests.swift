import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Testing

/// The whole bad-input corpus dropped at once into a lake: every case ends in failed/ with
/// its reason, line and column, nothing else does, the ingestor never stops, and the
/// warehouse equals a clean run's less exactly the rows the bad inputs own. Then the
/// quarantined visitors file is re-sent as it should have been, and what it held back loads.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(5)))
struct IngestorCorpusTests {
    typealias F = WarehouseFixture

    static let cases = try! BadInputCase.load(F.repository)

    /// Fact tables and how a row's key reads in SQL.
    static let keys: [(table: String, key: String)] = [
        ("hospital_operations.staff", "staff_id::text"),
        ("hospital_operations.reserve_pool", "person_id::text"),
        ("hospital_operations.staff_snapshots", "snapshot_date::text || '|' || staff_id::text"),
        ("hospital_operations.schedules", "staff_id::text || '|' || schedule_date::text"),
        ("hospital_admissions.visits", "visit_id::text"),
        ("hospital_admissions.admissions", "admission_id::text"),
        ("emergency_transport.transports", "event_id::text"),
        ("patient_transfers.transfers", "event_id::text"),
        ("daily_summary.daily_summaries", "summary_date::text"),
    ]

    @Test func theCorpusCoversEveryFamilyWithThirtyKinds() {
        #expect(Self.cases.count >= 30)
        #expect(Set(Self.cases.map(\.kind)).count == Self.cases.count, "kinds are unique")
        let families = Set(Self.cases.map(\.family))
        for family in ["constraint", "reference", "blast radius", "self-verifying lake", "trust", "format"] {
            #expect(families.contains(family), "no case of \(family)")
        }
    }

    /// With one ingest worker and with four side by side (`--workers 4`): the outcomes do not
    /// depend on which worker took which file.
    @Test(arguments: [1, 4])
    func everyBadInputGoesToFailedAloneAndTheRestLoads(workers: Int) async throws {
        let clean = try Self.lake()
        let (cleanIngestor, cleanDatabase) = try await F.ingestor(clean, try await F.database("corpusclean"))
        try Self.drain(cleanIngestor)
        #expect(try FileManager.default.contentsOfDirectory(atPath: clean.failed).isEmpty)
        let cleanRows = try Self.rows(cleanDatabase)

        let layout = try Self.lake()
        let transportLines = try BadInputCase.lines(BadInputCase.chunk(layout, "hospital.transport")).count
        for bad in Self.cases { try bad.apply(to: layout) }
        let (ingestor, database) = try await Self.workers(workers, layout, try await F.database("corpusbad"))
        try Self.drain(ingestor)

        var expected = Set<String>()
        for bad in Self.cases {
            let expect = bad.expect
            if let name = expect["failed"] {
                expected.insert(name)
                #expect(LakeEntry.kind(layout.failed + "/" + name) != .missing, "\(bad): not in failed/")
                let report = try Self.report(layout.failed + "/" + name + ".error.json")
                #expect(report["file"] as? String == Self.source(of: name, layout: layout), "\(bad): \(report)")
                #expect(report["line"] as? Int == Int(expect["line"]!), "\(bad): \(report)")
                #expect(report["column"] as? Int == Self.column(expect["column"]!, of: name), "\(bad): \(report)")
                #expect(report["service"] as? String == "batch-ingestor", "\(bad)")
                let reason = report["reason"] as? String ?? ""
                #expect(reason.contains(expect["reason"]!), "\(bad): \(reason)")
                if let forbidden = expect["not"] {
                    let text = try String(contentsOfFile: layout.failed + "/" + name + ".error.json", encoding: .utf8)
                    #expect(!text.contains(forbidden), "\(bad): the report echoes the file's content")
                }
            } else if let name = expect["report"] {
                expected.insert(name + ".error.json")
                let report = try Self.report(layout.failed + "/" + name + ".error.json")
                #expect((report["reason"] as? String ?? "").contains(expect["reason"]!), "\(bad): \(report)")
            } else if let topic = expect["set_aside"] {
                let name = topic + "+0+0000000000000000000.set-aside.jsonl"
                expected.insert(name)
                let line = expect["line"] == "last" ? transportLines + 1 : Int(expect["line"]!)!
                let entries = try Self.setAside(layout.failed + "/" + name)
                let entry = entries.first { $0["line"] as? Int == line }
                #expect(entry != nil, "\(bad): line \(line) not set aside")
                let reason = entry?["reason"] as? String ?? ""
                #expect(reason.contains(expect["reason"]!), "\(bad): \(reason)")
            }
        }
        let failed = try Self.failedNames(layout)
        #expect(
            failed == expected, "quarantined beyond the corpus: \(failed.subtracting(expected)); missing: \(expected.subtracting(failed))")

        // The cost of the bad inputs: what is missing is exactly what failed/ holds.
        let badRows = try Self.rows(database)
        try Self.expectOnlyOwnedRowsMissing(clean: cleanRows, bad: badRows, cleanLake: clean, badLake: layout, database: database)

        // The visitors file sent again as the scheduler wrote it: it loads, the admissions it
        // held go back to batch/ and load, and the events set aside for it load.
        let resent = "daily_visitors_2022-11-21.csv"
        try FileManager.default.copyItem(atPath: clean.processed + "/" + resent, toPath: layout.batch + "/" + resent)
        // A loaded file sent again with other bytes is refused, with why.
        let loaded = "daily_visitors_2022-11-20.csv"
        try Data(try Data(contentsOf: URL(fileURLWithPath: layout.processed + "/" + loaded)) + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: layout.batch + "/" + loaded))
        try Self.drain(ingestor)
        #expect(LakeEntry.kind(layout.failed + "/admissions_2022-11-21.csv") == .missing, "the held admissions were retried")
        let refusal = try Self.report(layout.failed + "/" + loaded + ".error.json")
        #expect((refusal["reason"] as? String ?? "").contains("was loaded already"), "\(refusal)")
        let afterRows = try Self.rows(database)
        for table in ["hospital_admissions.visits", "hospital_admissions.admissions"] {
            #expect(afterRows[table]!.count > badRows[table]!.count, "\(table) gained the re-sent day")
        }
        try Self.expectOnlyOwnedRowsMissing(clean: cleanRows, bad: afterRows, cleanLake: clean, badLake: layout, database: database)
    }

    // MARK: - The lake and the warehouse

    /// A seven-day golden lake whose stream is one chunk per topic.
    static func lake() throws -> LakeLayout {
        let layout = try F.lake(days: 7, name: "corpus")
        for topic in try FileManager.default.contentsOfDirectory(atPath: layout.stream) {
            let folder = layout.stream + "/" + topic
            var bytes: [UInt8] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
                bytes += [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                try FileManager.default.removeItem(atPath: folder + "/" + name)
            }
            try LakeFile.write(bytes, to: folder + "/" + topic + "+0+0000000000000000000.json")
        }
        return layout
    }

    static func drain(_ ingestor: BatchIngestor) throws { try drain(IngestWorkers([ingestor])) }

    static func drain(_ workers: IngestWorkers) throws {
        var quiet = 0
        while quiet < 2 {
            let pass = try workers.drainOnce(shouldStop: { false }).reduce(BatchIngestor.Pass()) { $0 + (try $1.get()) }
            quiet = pass.loaded + pass.failed + pass.archived == 0 ? quiet + 1 : 0
        }
    }

    /// `count` ingest workers on one database, each over its own session, and a session of
    /// the first for reading the warehouse.
    static func workers(_ count: Int, _ layout: LakeLayout, _ settings: ConnectionSettings) async throws -> (IngestWorkers, PQConnection) {
        var ingestors: [BatchIngestor] = []
        var connections: [PQConnection] = []
        for _ in 0..<count {
            let (ingestor, connection) = try await F.ingestor(layout, settings)
            ingestors.append(ingestor)
            connections.append(connection)
        }
        return (IngestWorkers(ingestors), connections[0])
    }

    /// Each fact table's rows: key → digest of the whole row.
    static func rows(_ connection: PQConnection) throws -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        for (table, key) in keys {
            var rows: [String: String] = [:]
            for row in try connection.execute("SELECT \(key), md5(t::text) FROM \(table) t").rows { rows[row[0]!] = row[1]! }
            tables[table] = rows
        }
        return tables
    }

    /// Nothing loaded that the clean run does not hold as it is, and what the clean run holds
    /// beyond it is exactly the rows of the files and events in failed/.
    static func expectOnlyOwnedRowsMissing(
        clean: [String: [String: String]], bad: [String: [String: String]], cleanLake: LakeLayout, badLake: LakeLayout,
        database: PQConnection
    ) throws {
        // A quarantined name loaded since (sent again, accepted) owns nothing any more.
        let loaded = Set(try database.execute("SELECT file_name FROM ingest.files").rows.compactMap { $0[0] })
        let owned = try ownedKeys(cleanLake: cleanLake, badLake: badLake, loaded: loaded)
        for (table, _) in keys {
            let cleanTable = clean[table]!
            let badTable = bad[table]!
            let changed = badTable.filter { cleanTable[$0.key] != $0.value }.map(\.key)
            #expect(changed.isEmpty, "\(table): \(changed.count) rows not as in the clean run")
            let missing = Set(cleanTable.keys).subtracting(badTable.keys)
            let expected = owned[table, default: []].intersection(cleanTable.keys)
            #expect(missing == expected, "\(table): missing \(missing.count), failed/ owns \(expected.count)")
        }
    }

    /// The keys of the rows behind every entry of failed/: a quarantined batch file's rows as
    /// the clean lake has them, and the events set aside, by their line in the chunk.
    static func ownedKeys(cleanLake: LakeLayout, badLake: LakeLayout, loaded: Set<String>) throws -> [String: Set<String>] {
        var owned: [String: Set<String>] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: badLake.failed) where !name.hasSuffix(".error.json") {
            if name.hasSuffix(".set-aside.jsonl") {
                let topic = String(name.prefix { $0 != "+" })
                let file = IngestFile(name: topic + "+0+0000000000000000000.json", topic: topic, topics: F.config.kafka.topics)!
                let chunk = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BadInputCase.chunk(cleanLake, topic))))
                let table = try FileTransform.rows(file.kind, bytes: chunk)[0]
                for entry in try setAside(badLake.failed + "/" + name) {
                    guard let line = entry["line"] as? Int, let index = table.lines.firstIndex(of: line) else { continue }
                    owned[schemaTable(table.table), default: []].insert(key(table, index))
                }
                continue
            }
            guard !loaded.contains(name), let file = IngestFile(name: name), file.kind != .report,
                let bytes = FileManager.default.contents(atPath: cleanLake.processed + "/" + name)
            else { continue }
            for table in try FileTransform.rows(file.kind, bytes: [UInt8](bytes))
            where !file.kind.mayFindLoaded(table.table) {
                for index in table.rows.indices { owned[schemaTable(table.table), default: []].insert(key(table, index)) }
            }
        }
        return owned
    }

    static func schemaTable(_ table: WarehouseTable) -> String {
        let schema = F.config.database.schemas
        let names: [WarehouseTable.Schema: String] = [
            .operations: schema.operations, .admissions: schema.admissions, .transport: schema.transport,
            .transfers: schema.transfers, .summary: schema.summary,
        ]
        return names[table.schema]! + "." + table.name
    }

    static func key(_ rows: TableRows, _ index: Int) -> String {
        rows.table.key.map { name in rows.rows[index][rows.table.columns.firstIndex { $0.name == name }!] ?? "" }
            .joined(separator: "|")
    }

    // MARK: - Reading failed/

    static func report(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    static func setAside(_ path: String) throws -> [[String: Any]] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return try bytes.split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
        }
    }

    /// Entries of failed/: files by name, and reports that have no file (a missing file).
    static func failedNames(_ layout: LakeLayout) throws -> Set<String> {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: layout.failed))
        return Set(
            names.compactMap { name -> String? in
                guard name.hasSuffix(".error.json") else { return name }
                return names.contains(String(name.dropLast(".error.json".count))) ? nil : name
            })
    }

    static func source(of name: String, layout: LakeLayout) -> String {
        if let topic = ["hospital.transport", "hospital.transfers", "hospital.daily_summary"].first(where: { name.hasPrefix($0 + "+") }) {
            return "stream/" + topic + "/" + name
        }
        return name == "notes.txt" ? "stream/hospital.transfers/notes.txt" : "batch/" + name
    }

    /// A column given by name is its position in the file's header.
    static func column(_ text: String, of name: String) -> Int {
        if let number = Int(text) { return number }
        return (IngestFile(name: name)?.kind.columns?.firstIndex(of: text) ?? -1) + 1
    }
}
