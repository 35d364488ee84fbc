import Foundation
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalCore

/// The lake audit over many seeds: every rule holds of what the generator writes. Each rule
/// shown to catch a hand-broken lake is in `AuditTests+HandBroken.swift`.
@Suite struct AuditTests {
    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 42, 2_024, 20_221_120, 987_654_321]

    static func lake(seed: UInt64, days: Int = 14) throws -> String {
        let folder = TestWorld.temporaryDirectory("audit-\(seed)")
        _ = try Simulation(world: try TestWorld.world(seed: seed, days: days), layout: LakeLayout(root: folder)).run()
        return folder
    }

    static func audit(_ folder: String) throws -> AuditReport {
        try LakeAudit(layout: LakeLayout(root: folder), config: TestWorld.config).run()
    }

    @Test(arguments: seeds)
    func everyRuleHoldsOfAGeneratedLake(seed: UInt64) throws {
        let folder = try Self.lake(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Self.audit(folder)
        #expect(report.verdicts.map(\.rule) == AuditRuleID.allCases)
        for verdict in report.verdicts {
            #expect(verdict.passed, "seed \(seed): \(verdict.line)")
            #expect(verdict.checked > 0, "seed \(seed): \(verdict.line)")
        }
    }

    static func batch(_ folder: String, _ prefix: String) throws -> [String] {
        let batch = LakeLayout(root: folder).batch
        return try FileManager.default.contentsOfDirectory(atPath: batch).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".csv") }
            .sorted().map { batch + "/" + $0 }
    }

    @Test func wardFiguresAddUpTheDailySummaries() throws {
        let folder = try Self.lake(seed: 11, days: 5)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let figures = WardFigures.read(LakeLayout(root: folder))
        #expect(figures.days == 5)
        var admitted = 0, denied = 0
        for path in try Self.batch(folder, "admissions_") {
            let table = try Table(path, LakeColumns.admissions)
            admitted += table.rows.filter { $0[table.column("status")] == "Admitted" }.count
            denied += table.rows.filter { $0[table.column("status")] != "Admitted" }.count
        }
        #expect(figures.units.reduce(0) { $0 + $1.admitted } == admitted)
        #expect(figures.units.reduce(0) { $0 + $1.denied } == denied)
        #expect(figures.units.filter { $0.care == "Inpatient" }.allSatisfy { $0.nights == 5 && $0.meanOccupancy <= 1 })
        #expect(figures.lines.count == figures.units.count + 3)
    }
}
