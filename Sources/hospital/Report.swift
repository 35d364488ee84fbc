import ArgumentParser
import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalWarehouse
import Logging

extension Hospital {
    /// The warehouse's analytics views drawn as one static page people can open anywhere.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write report.html: the warehouse's analytics views as charts on one self-contained page.",
            discussion: """
                Reads the analytics views (docs/warehouse.md §Analytics views) with the DB_* login, which should be \
                hospital_reader, and writes one HTML file with inline SVG and CSS: no script, no network, no clock.
                Example: DB_USER=hospital_reader DB_PASSWORD=… hospital report --out /tmp/report
                """)

        @OptionGroup var options: ServiceOptions

        @Option(help: "The folder to write report.html in (default: the lake's .reports/).")
        var out: String?

        func run() async throws {
            let logger = Logger(label: "hospital.report")
            let service = try options.load()
            let (database, _) = try service.database()
            let connection = try await service.connect(database, logger: logger, attempts: 3)
            let data: AnalyticsData
            do {
                data = try AnalyticsReader(connection: connection).read()
            } catch let error as PostgresError where ["3F000", "42P01"].contains(error.sqlState ?? "") {
                Console.error("report: the warehouse has no analytics views: apply db/db_schema.sql as the schema's owner")
                throw ExitCode(1)
            } catch let error as PostgresError where error.sqlState == "42501" {
                Console.error("report: \(database.user) may not read the analytics views: log in as hospital_reader")
                throw ExitCode(1)
            }
            let folder = out ?? service.settings.layout.reports
            let path = folder + "/report.html"
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                _ = try LakeFile.write(
                    ReportPage.render(data, context: ReportContext(profile: service.settings.profile.name, config: service.config)),
                    to: path)
            } catch {
                Console.error("report: cannot write \(path): \(error)")
                throw ExitCode(1)
            }
            print("report: wrote \(path)")
        }
    }
}
