import Crypto
import Foundation

/// Every JSON config the generator reads, loaded and cross-checked once at start, so a
/// service with a broken config stops before doing any work.
public struct HospitalConfig: Sendable {
    public let clinical: ClinicalModel
    public let demographics: Demographics
    public let workforce: WorkforceModel
    public let shifts: ShiftConfig
    public let database: DatabaseConfig
    public let kafka: KafkaConfig
    /// The SHA-256 of each of `generatorFiles`, in that order, as read: the lake's bytes
    /// depend on them, so the scheduler's state pins them (docs/lake.md §Scheduler state).
    public let generatorDigests: [String]
    public static let files = (
        clinical: "clinical_model.json", demographics: "demographics.json", workforce: "workforce.json",
        shifts: "hospital_shift_config.json", database: "database_config.json", kafka: "kafka_config.json"
    )

    /// The configs the generator reads; the database and Kafka configs shape no lake byte.
    public static let generatorFiles = [files.clinical, files.demographics, files.workforce, files.shifts]

    /// The cycle the schedules follow: the course's days, in `workforce.json`'s order when it gives one.
    public var shiftCycle: [ShiftConfig.CycleDay] {
        guard let order = workforce.shiftCycle else { return shifts.cycle }
        return order.map { name in shifts.cycle.first { $0.shift == name }! }
    }

    /// Loads the six files of `directory` through `read` (a path's bytes, nil when unreadable).
    public static func load(from directory: String, reading read: (String) -> Data?) throws -> HospitalConfig {
        var digests: [String: String] = [:]
        func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let data = read(path)
            if let data { digests[name] = SHA256.hash(data: data).hexString }
            return try ConfigLoader.decode(type, from: data, path: path)
        }
        let clinical = try load(ClinicalModel.self, files.clinical)
        let demographics = try load(Demographics.self, files.demographics)
        let workforce = try load(WorkforceModel.self, files.workforce)
        let shifts = try load(ShiftConfig.self, files.shifts)
        let config = HospitalConfig(
            clinical: clinical, demographics: demographics, workforce: workforce, shifts: shifts,
            database: try load(DatabaseConfig.self, files.database), kafka: try load(KafkaConfig.self, files.kafka),
            generatorDigests: generatorFiles.map { digests[$0] ?? "" })
        try config.validate(directory: directory)
        return config
    }

    /// Cross-file references: what a generator would otherwise trip over in the middle of a run.
    func validate(directory: String) throws {
        func fail(_ file: String, _ key: String, _ expected: String) -> ConfigError {
            ConfigError(file: directory + "/" + file, key: key, expected: expected)
        }
        let unitNames = clinical.units.map(\.name)
        for (index, unit) in clinical.units.enumerated() where !shifts.departments.contains(unit.staffDepartment) {
            throw fail(Self.files.clinical, "units[\(index)].staff_department", "a department of \(Self.files.shifts)")
        }
        for (index, unit) in clinical.units.enumerated() where unit.capacity < 1 {
            throw fail(Self.files.clinical, "units[\(index)].capacity", "a positive number of beds or places")
        }
        let all = clinical.conditions + clinical.visitOnlyConditions
        for (index, condition) in all.enumerated() {
            let key =
                index < clinical.conditions.count
                ? "conditions[\(index)]" : "visit_only_conditions[\(index - clinical.conditions.count)]"
            guard unitNames.contains(condition.unit) else {
                throw fail(Self.files.clinical, key + ".unit", "one of the units")
            }
            guard (1...5).contains(condition.severity) else {
                throw fail(Self.files.clinical, key + ".severity", "an integer from 1 to 5")
            }
            let unit = clinical.units.first { $0.name == condition.unit }!
            if unit.isInpatient, condition.stayDays?.count != 2 {
                throw fail(Self.files.clinical, key + ".stay_days", "[min, max] days for an inpatient unit")
            }
            if index < clinical.conditions.count, condition.probability?.count != clinical.ageGroups.count {
                throw fail(Self.files.clinical, key + ".probability", "one probability per age group")
            }
            for (detailIndex, detail) in (condition.details ?? []).enumerated() {
                if let name = detail.unit, !unitNames.contains(name) {
                    throw fail(Self.files.clinical, key + ".details[\(detailIndex)].unit", "one of the units")
                }
            }
        }
        let names = all.map(\.name)
        for (index, seasonal) in clinical.intake.seasonal.enumerated() where !names.contains(seasonal.condition) {
            throw fail(Self.files.clinical, "intake.seasonal[\(index)].condition", "a known condition")
        }
        for (index, reason) in clinical.intake.routineReasons.enumerated() where !names.contains(reason.name) {
            throw fail(Self.files.clinical, "intake.routine_reasons[\(index)].name", "a known condition")
        }
        guard names.contains(clinical.noIllness) else {
            throw fail(Self.files.clinical, "no_illness", "a visit-only condition")
        }
        guard clinical.intake.arrivalHourWeights.count == 24 else {
            throw fail(Self.files.clinical, "intake.arrival_hour_weights", "24 weights, one per hour")
        }
        guard SimDate(iso: clinical.intake.reducedFrom) != nil, SimDate(iso: clinical.intake.reducedUntil) != nil else {
            throw fail(Self.files.clinical, "intake.reduced_from", "dates as YYYY-MM-DD")
        }
        guard clinical.sessionsPerDay >= 1 else {
            throw fail(Self.files.clinical, "sessions_per_day", "at least 1")
        }
        guard unitNames.contains(clinical.pediatrics.unit) else {
            throw fail(Self.files.clinical, "pediatrics.unit", "one of the units")
        }
        guard clinical.severityLabelsBySeverity.count == 5 else {
            throw fail(Self.files.clinical, "severity_labels_by_severity", "five labels, for severities 1 to 5")
        }
        for (index, entry) in shifts.cycle.enumerated()
        where entry.workDay && shifts.shiftDefinitions[entry.shift] == nil {
            throw fail(Self.files.shifts, "medical_shift_daily_cycle[\(index)].shift_type", "a shift of shift_definitions")
        }
        for name in shifts.shiftDefinitions.keys.sorted() where ClockText.minutes(shifts.shiftDefinitions[name]!.start) == nil {
            throw fail(Self.files.shifts, "shift_definitions.\(name).start_time", "a time as HH:MM")
        }
        if let order = workforce.shiftCycle, order.sorted() != shifts.cycle.map(\.shift).sorted() {
            throw fail(
                Self.files.workforce, "shift_cycle", "the days of \(Self.files.shifts)'s medical_shift_daily_cycle, reordered")
        }
        let roles = workforce.groups.flatMap(\.roles)
        for role in roles where !workforce.minimumAge.contains(where: { $0.role == role }) {
            throw fail(Self.files.workforce, "minimum_age", "a minimum age for role \(role)")
        }
        guard clinical.facilities.contains(where: \.rehabilitation) else {
            throw fail(Self.files.clinical, "facilities", "at least one facility offering rehabilitation")
        }
        try validateKafka(fail)
    }

    /// A partition count of 0 left the producer waiting for reports forever, and a negative
    /// one aborted the embedded broker; a topic name Kafka refuses (or that holds the `+` of
    /// a chunk's name) would fail only at the first send.
    private func validateKafka(_ fail: (String, String, String) -> ConfigError) throws {
        if let partitions = kafka.partitions, !(1...10_000).contains(partitions) {
            throw fail(Self.files.kafka, "partitions", "a whole number of partitions from 1 to 10000")
        }
        let topics = [
            ("transport", kafka.topics.transport), ("transfers", kafka.topics.transfers),
            ("admissions", kafka.topics.admissions), ("summary", kafka.topics.summary),
        ]
        for (key, name) in topics where !StreamChunkName.isTopicName(Substring(name)) || name == "." || name == ".." {
            throw fail(Self.files.kafka, "topics.\(key)", "a Kafka topic name: 1 to 249 of a-z, A-Z, 0-9, '.', '_' and '-'")
        }
        guard Set(topics.map(\.1)).count == topics.count else {
            throw fail(Self.files.kafka, "topics", "four different topic names")
        }
        guard !kafka.clientID.isEmpty else { throw fail(Self.files.kafka, "client_id", "a client id") }
    }
}
