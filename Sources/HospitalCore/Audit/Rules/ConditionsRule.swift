/// Nobody has a condition their age or sex rules out, wherever the lake gives one: on an
/// admission, a visit, or a person of the population.
public struct ConditionsRule: AuditRule {
    /// Conditions that need a minimum age, or a sex and an age range, by name prefix.
    public static let ageRules: [(condition: String, minimumAge: Int, maximumAge: Int, female: Bool)] = [
        ("Alcohol-related illness", 12, 200, false),
        ("Substance Use Disorders", 12, 200, false),
        ("Arthritis", 5, 200, false),
        ("Hypertension", 5, 200, false),
        ("Pregnancy", 12, 55, true),
        ("Gestational Diabetes", 12, 55, true),
    ]

    public let id = AuditRuleID.conditions
    public let claim = "plausible by age and sex"

    public func verdict(on lake: AuditedLake) -> AuditVerdict {
        var checked = 0, failures = 0
        var examples = AuditExamples()
        let sources = [
            ("admission", lake.rows.admissions.map(\.patient)), ("visit", lake.rows.visits.map(\.patient)),
            ("population", lake.rows.population),
        ]
        for (source, patients) in sources {
            for patient in patients {
                // An age that does not read is taken as 0: it fails every rule with a minimum.
                let age = patient.age ?? 0
                for rule in Self.ageRules where patient.conditions.contains(rule.condition) {
                    checked += 1
                    guard age < rule.minimumAge || age > rule.maximumAge || (rule.female && patient.gender != "Female") else { continue }
                    failures += 1
                    examples.note("\(source): \(rule.condition) at \(age) (\(patient.gender))")
                }
            }
        }
        return verdict(checked: checked, failures: failures, detail: examples.text)
    }
}
