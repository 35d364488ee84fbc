/// No inpatient unit holds more patients than it has beds, at any minute of the lake.
public struct CapacityRule: AuditRule {
    public let id = AuditRuleID.capacity
    public let claim = "inpatient beds never exceeded at any minute"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        // A unit's beds as the last summary states them; units in the order first stated.
        var beds: [String: Int] = [:]
        var units: [String] = []
        for entry in lake.rows.beds {
            if beds[entry.unit] == nil { units.append(entry.unit) }
            beds[entry.unit] = entry.beds
        }
        var changes: [String: [(minute: Int, change: Int)]] = [:]
        for stay in lake.stays.all {
            changes[stay.unit, default: []].append((stay.span.start, 1))
            changes[stay.unit, default: []].append((stay.span.end, -1))
        }
        var failures = 0
        var examples = AuditExamples()
        for unit in units {
            // Discharges first at a tied minute: a bed freed at 10:00 may be taken at 10:00.
            let sorted = (changes[unit] ?? []).sorted { ($0.minute, $0.change) < ($1.minute, $1.change) }
            var occupied = 0
            let capacity = beds[unit] ?? 0
            for change in sorted {
                occupied += change.change
                if change.change > 0 && occupied > capacity {
                    failures += 1
                    examples.note("\(unit) \(occupied) of \(capacity) at \(LakeClock.stamp(change.minute))")
                }
            }
        }
        return verdict(checked: lake.stays.all.count, failures: failures, detail: examples.text)
    }
}
