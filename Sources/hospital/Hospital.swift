import ArgumentParser

@main
struct Hospital: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The hospital data platform: a seeded simulation of a public hospital and the services that carry it to PostgreSQL.",
        subcommands: [
            Simulate.self, Scheduler.self, Broker.self, Producer.self, StreamProcessor.self, BatchIngestor.self, Healthcheck.self,
            Status.self, Verify.self, Golden.self, Audit.self,
        ])
}
