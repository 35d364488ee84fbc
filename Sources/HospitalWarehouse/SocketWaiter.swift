#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits for a socket to become readable or writable, for the non-blocking connect.
/// `poll(2)` rather than `select(2)`: it has no FD_SETSIZE limit.
enum SocketWaiter {
    /// Returns false when the deadline passed first.
    static func wait(socket: Int32, forWriting: Bool, until deadline: ContinuousClock.Instant) throws -> Bool {
        guard socket >= 0 else {
            throw PostgresError(kind: .connection, operation: "connect", message: "libpq has no socket to wait on")
        }
        var descriptor = pollfd(fd: socket, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return false }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            let outcome = poll(&descriptor, 1, milliseconds)
            if outcome > 0 { return true }  // ready, or error/hangup that PQconnectPoll will report
            if outcome == 0 { continue }  // re-check the deadline: poll may wake a little early
            if errno == EINTR { continue }
            throw PostgresError(
                kind: .connection, operation: "connect", message: "poll failed with errno \(errno)")
        }
    }
}
