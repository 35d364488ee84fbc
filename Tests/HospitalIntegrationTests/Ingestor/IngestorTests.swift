import Foundation
import HospitalCore
import HospitalServices
import HospitalWarehouse
import Testing

/// The batch ingestor against a real PostgreSQL 15 (started by ci/test.sh).
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorTests {
    typealias F = WarehouseFixture

    @Test func loadsExactlyWhatTheLakeImpliesAndASecondIngestChangesNothing() async throws {
        let layout = try F.lake(days: 3)
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        while try ingestor.drainOnce().loaded > 0 {}
        let visits = try F.csvRows(layout, prefix: "daily_visitors_")
        let expected: [(String, Int)] = [
            (
                "hospital_operations.staff",
                Set(try F.csvRows(layout, prefix: "staff_data").map { $0[0] } + F.csvRows(layout, prefix: "staff_active_").map { $0[1] })
                    .count
            ),
            ("hospital_operations.reserve_pool", try F.csvRows(layout, prefix: "reserve_pool").count),
            ("hospital_operations.staff_snapshots", try F.csvRows(layout, prefix: "staff_active_").count),
            ("hospital_operations.schedules", try F.csvRows(layout, prefix: "schedules_").count),
            ("hospital_admissions.visits", visits.count),
            ("hospital_admissions.patients", Set(visits.map { $0[1] }).count),
            ("hospital_admissions.medical_conditions", Set(visits.map { $0[6] }).count),
            ("hospital_admissions.admissions", try F.csvRows(layout, prefix: "admissions_").count),
            ("emergency_transport.transports", try F.csvRows(layout, prefix: "hospital_emergency_transport_").count),
            ("patient_transfers.transfers", try F.csvRows(layout, prefix: "hospital_transfers_").count),
            ("daily_summary.daily_summaries", 3),
        ]
        for (table, rows) in expected {
            #expect(try F.count(connection, table) == rows, "\(table)")
        }
        #expect(
            try F.count(connection, "hospital_admissions.admissions WHERE admission_time IS NULL")
                == F.csvRows(layout, prefix: "admissions_").filter { $0[16] != "Admitted" }.count)
        let batchLeft = try FileManager.default.contentsOfDirectory(atPath: layout.batch)
        #expect(batchLeft.isEmpty, "left in batch/: \(batchLeft)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.failed).isEmpty)
        let ledger = try F.count(connection, "ingest.files")

        let (again, _) = try await F.ingestor(layout, connection.settings)
        let pass = try again.drainOnce()
        #expect(pass.loaded == 0)
        #expect(try F.count(connection, "ingest.files") == ledger)
        for (table, rows) in expected { #expect(try F.count(connection, table) == rows, "\(table) after a second ingest") }
    }

    @Test func filesArrivingOutOfOrderWaitAndEndLoaded() async throws {
        let layout = try F.lake(days: 2)
        let held = layout.root + "/held"
        try FileManager.default.createDirectory(atPath: held, withIntermediateDirectories: true)
        let date = Profile.golden.calendar.start
        // Schedules before staff, admissions before visitors: their files and flags are not written yet.
        let late = [LakeFileName.staff.name, LakeFileName.staffActive(date).name, LakeFileName.visitors(date).name]
        let flags = [LakeFlag.setup(.staff).path, LakeFlag.setup(.workforce).path, LakeFlag.visitors(date).path]
        for name in late { try FileManager.default.moveItem(atPath: layout.batch + "/" + name, toPath: held + "/" + name) }
        for flag in flags {
            try FileManager.default.moveItem(atPath: layout.path(flag), toPath: held + "/" + flag.split(separator: "/").last!)
        }
        // The scheduler has not finished those steps either.
        try FileManager.default.moveItem(atPath: layout.state, toPath: held + "/state")
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        let first = try ingestor.drainOnce()
        #expect(first.waiting > 0)
        #expect(first.firstWaiting == LakeFileName.reserve.name, "named in the health file, for hospital status")
        #expect(first.failed == 0)
        #expect(try F.count(connection, "hospital_operations.schedules") == 0)
        #expect(FileManager.default.fileExists(atPath: layout.batch + "/" + LakeFileName.admissions(date).name))
        for name in late { try FileManager.default.moveItem(atPath: held + "/" + name, toPath: layout.batch + "/" + name) }
        try FileManager.default.moveItem(atPath: held + "/state", toPath: layout.state)
        for flag in flags {
            try FileManager.default.moveItem(atPath: held + "/" + flag.split(separator: "/").last!, toPath: layout.path(flag))
        }
        while try ingestor.drainOnce().loaded > 0 {}
        #expect(ingestor.total.waiting == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty)
        #expect(try F.count(connection, "hospital_operations.schedules") == F.csvRows(layout, prefix: "schedules_").count)
        #expect(try F.count(connection, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
    }
}

/// Whatever PostgreSQL refuses of a file that passed validation rolls that file back alone:
/// it goes to failed/ with the SQLSTATE, the constraint and the line, and the ingestor goes on.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorRejectionTests {
    typealias F = WarehouseFixture

    @Test func aRowTheDatabaseRefusesQuarantinesItsFileWithSQLStateConstraintAndLine() async throws {
        let layout = try F.lake(days: 3)
        let first = LakeFileName.admissions(Profile.golden.calendar.start).name
        let third = LakeFileName.admissions(Profile.golden.calendar.start.adding(days: 2)).name
        // The scheduler "wrote" an admission of day 3 under an id day 1 already used: valid in
        // itself, refused by the primary key across files (it used to be dropped silently).
        let taken = try F.csvRows(layout, prefix: first)[0][0]
        let path = layout.batch + "/" + third
        let lines = try BadInputCase.lines(path)
        var fields = String(decoding: lines[2], as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[0] = taken
        try BadInputCase.write(Array(lines[..<2]) + [Array(fields.joined(separator: ",").utf8)] + Array(lines[3...]), to: path)
        try BadInputCase.matchFlag(third, layout: layout)
        let (ingestor, connection) = try await F.ingestor(layout, try await F.database())
        var quiet = 0
        while quiet < 2 { quiet = try ingestor.drainOnce().loaded == 0 ? quiet + 1 : 0 }

        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layout.failed + "/" + third + ".error.json")))
                as? [String: Any])
        #expect(report["sqlstate"] as? String == "23505", "\(report)")
        #expect(report["constraint"] as? String == "admissions_pkey", "\(report)")
        #expect(report["line"] as? Int == 3, "\(report)")
        #expect((report["reason"] as? String)?.contains("PostgreSQL refused it") == true)
        #expect(!(report["reason"] as? String ?? "").contains(fields[3]), "the report does not echo the row")
        // Nothing of the file is in; every other file of the lake is.
        #expect(try F.count(connection, "ingest.files WHERE file_name = '\(third)'") == 0)
        let loadedDays = [first, LakeFileName.admissions(Profile.golden.calendar.start.adding(days: 1)).name]
        #expect(
            try F.count(connection, "hospital_admissions.admissions")
                == loadedDays.map { try! F.csvRows(layout, prefix: $0).count }.reduce(0, +))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: layout.failed).sorted().filter { !$0.hasPrefix("hospital.transfers") }
                == [third, third + ".error.json"])
    }
}

/// Durable before moved, and reconciled at start: files in processed/ that the ledger does not
/// know (a commit the server lost, a new database) go back to batch/ and load again.
@Suite(.serialized, WarehouseFixture.needsDatabase, .timeLimit(.minutes(3)))
struct IngestorReconcileTests {
    typealias F = WarehouseFixture

    @Test func filesTheLedgerDoesNotKnowAreLoadedAgain() async throws {
        let layout = try F.lake(days: 2)
        let (first, _) = try await F.ingestor(layout, try await F.database("reconcilefirst"))
        while try first.drainOnce().loaded > 0 {}
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty)
        // The warehouse lost everything the lake says was loaded.
        let (second, connection) = try await F.ingestor(layout, try await F.database("reconcilesecond"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).contains(LakeFileName.staff.name))
        while try second.drainOnce().loaded > 0 {}
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.batch).isEmpty)
        #expect(try F.count(connection, "hospital_admissions.admissions") == F.csvRows(layout, prefix: "admissions_").count)
        #expect(try F.count(connection, "hospital_operations.schedules") == F.csvRows(layout, prefix: "schedules_").count)
    }
}
