/// Each daily summary's `occupied_at_midnight` is the beds held at the midnight that ends its
/// day (docs/lake.md §Daily summary), recomputed from the admissions: stays taken at or
/// before that midnight and given up after it. A patient who arrived before midnight and is
/// admitted after it holds no bed yet. The figure never exceeds the unit's beds.
public struct MidnightCensusRule: AuditRule {
    public let id = AuditRuleID.midnightCensus
    public let claim = "each summary's occupied_at_midnight is the beds held at that midnight"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        // Beds held by unit and midnight (minutes since 1970-01-01).
        var held: [String: [Int: Int]] = [:]
        for stay in lake.stays.all {
            var midnight = (stay.span.start + 1439) / 1440 * 1440
            while midnight < stay.span.end {
                held[stay.unit, default: [:]][midnight, default: 0] += 1
                midnight += 1440
            }
        }
        var checked = 0, failures = 0, differs = 0, overCapacity = 0
        var examples = AuditExamples()
        for entry in lake.rows.beds {
            checked += 1
            let midnight = entry.date.map { $0 + 1440 }
            let stays = midnight.flatMap { held[entry.unit]?[$0] } ?? 0
            let day = entry.date.map { String(LakeClock.stamp($0).prefix(10)) } ?? "?"
            let wrong = entry.occupied != stays || midnight == nil, over = (entry.occupied ?? 0) > entry.beds
            if wrong || over { failures += 1 }
            if wrong {
                differs += 1
                examples.note("\(day) \(entry.unit) \(entry.occupied.map(String.init) ?? "none") vs \(stays) held")
            }
            if over {
                overCapacity += 1
                examples.note("\(day) \(entry.unit) \(entry.occupied ?? 0) of \(entry.beds) beds")
            }
        }
        return verdict(
            checked: checked, failures: failures,
            detail: examples.after("differs from the stays \(differs), above capacity \(overCapacity)"))
    }
}
