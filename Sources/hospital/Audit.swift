import ArgumentParser
import Foundation
import HospitalCore
import HospitalLake

extension Hospital {
    /// Checks a finished lake against the rules of a believable hospital (`LakeAudit`).
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check a finished lake: capacity, service years, one place per person, at work, seniors, paramedics, rest, conditions,"
                + " nobody their own carer, staff of the unit's department, a senior doctor on severity-5 ambulances, midnight census.",
            discussion:
                "One PASS/FAIL line per rule with counts; exit 1 on any failure.\nExample: hospital audit --lake ./shared_data --profile tiny"
        )

        @OptionGroup var options: CommonOptions

        func run() async throws {
            let (settings, config) = try options.load()
            let report: AuditReport
            do {
                report = try LakeAudit(layout: settings.layout, config: config).run()
            } catch let error as LakeAudit.AuditError {
                throw ExitStatus.report(error)
            }
            for line in report.lines { print(line) }
            if report.failed > 0 { throw ExitStatus.failed }
        }
    }
}
