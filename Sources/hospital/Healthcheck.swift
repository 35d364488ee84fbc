import ArgumentParser
import Foundation
import HospitalCore
import HospitalServices

extension Hospital {
    /// Compose's healthcheck: is `lake/.health/<service>.json` fresh?
    struct Healthcheck: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exit 0 when the service's health file is fresh, 1 otherwise (for container healthchecks).",
            discussion: "Example: hospital healthcheck producer --lake /app/shared_data --max-age 120")

        @Argument(help: "One of: \(HealthReporter.services.joined(separator: ", ")).")
        var service: String

        @OptionGroup var lake: LakeOptions

        @Option(help: "Seconds since the last heartbeat after which the service counts as unhealthy.")
        var maxAge = 120.0

        func validate() throws {
            guard HealthReporter.services.contains(service) else {
                throw ValidationError("service must be one of \(HealthReporter.services.joined(separator: ", "))")
            }
            if maxAge <= 0 { throw ValidationError("--max-age must be more than 0") }
        }

        /// Reads only LAKE_PATH, not the configs: a healthcheck must not fail on what the
        /// service itself already checked at start.
        func run() async throws {
            let layout = lake.layout
            guard let record = HealthRecord.load(service, in: layout) else {
                Console.error("\(service): no health file at \(HealthRecord.path(service, in: layout))")
                throw ExitStatus.failed
            }
            let age = Date().timeIntervalSince1970 - record.updatedAt
            guard record.isFresh(now: Date().timeIntervalSince1970, maxAge: maxAge) else {
                Console.error("\(service): \(record.status.rawValue), last heartbeat \(Int(age))s ago")
                throw ExitStatus.failed
            }
            print("\(service): \(record.status.rawValue) \(record.detail)")
        }
    }
}
