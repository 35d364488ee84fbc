import Logging

extension PQConnection {
    /// Connects, retrying transient failures with exponential backoff.
    ///
    /// Services start before or alongside the database (Compose, CI), so a refused or
    /// timed-out first attempt is normal and worth waiting out. Failures that waiting
    /// cannot fix (wrong password or role, SQLSTATE class 28; unknown database, 3D000)
    /// are thrown at once. Each attempt logs exactly one line; the waits are cancellable.
    /// `shouldStop` is asked before each wait, so a service told to stop while the database
    /// is away stops at once (the error then says so) instead of after every attempt.
    public static func connect(
        _ settings: ConnectionSettings, retry: RetryPolicy = RetryPolicy(), logger: Logger,
        shouldStop: @Sendable () -> Bool = { false }
    ) async throws -> PQConnection {
        var attempt = 0
        while true {
            attempt += 1
            var metadata: Logger.Metadata = [
                WarehouseLogKey.host: "\(settings.host)",
                WarehouseLogKey.port: "\(settings.port)",
                WarehouseLogKey.database: "\(settings.database)",
                WarehouseLogKey.user: "\(settings.user)",
                WarehouseLogKey.attempt: "\(attempt)",
                WarehouseLogKey.maxAttempts: "\(retry.maxAttempts)",
            ]
            do {
                let connection = try PQConnection(settings: settings, logger: logger)
                metadata[WarehouseLogKey.serverVersion] = "\(connection.serverVersion)"
                logger.info("connected to PostgreSQL", metadata: metadata)
                return connection
            } catch let error as PostgresError {
                let willRetry = error.isTransientConnectionFailure && attempt < retry.maxAttempts
                metadata[WarehouseLogKey.error] = "\(error.message)"
                metadata[WarehouseLogKey.willRetry] = "\(willRetry)"
                if let sqlState = error.sqlState { metadata[WarehouseLogKey.sqlState] = "\(sqlState)" }
                guard willRetry else {
                    logger.error("connection attempt failed", metadata: metadata)
                    throw error
                }
                guard !shouldStop() else {
                    throw PostgresError(kind: .client, operation: "connect", message: "stopped while waiting for the database")
                }
                let delay = retry.delay(afterAttempt: attempt)
                metadata[WarehouseLogKey.delayMilliseconds] = "\(delay.milliseconds)"
                logger.warning("connection attempt failed", metadata: metadata)
                let wake = ContinuousClock.now + delay
                while ContinuousClock.now < wake, !shouldStop() { try await Task.sleep(for: .milliseconds(50)) }
            }
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
