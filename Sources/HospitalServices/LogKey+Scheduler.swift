/// Metadata keys of the scheduler's and the health reporter's log lines.
extension LogKey {
    public static let simDate = "sim.date"
    public static let day = "sim.day"
    public static let days = "sim.days_total"
    public static let rows = "sim.rows"
    public static let rate = "sim.rows_per_second"
    public static let eta = "sim.eta_seconds"
    public static let step = "sim.step"
    public static let waitingFor = "scheduler.waiting_for"
    public static let files = "lake.files"
    public static let service = "service.name"
    public static let status = "service.status"
}
