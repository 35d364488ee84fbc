/// Every table the ingestor loads, with the lake field behind each column, its key, checks
/// and references: the one description of `db/db_schema.sql`'s constraints that validation
/// follows (the schema test fails when the two disagree; README "The lake" lists the files).
public enum WarehouseTables {
    typealias C = WarehouseTable.Column
    typealias R = WarehouseTable.Reference

    static let person: [C] = [.from("First_Name", .text), .from("Surname", .text), .from("Gender", .text)]
    static let care: ColumnCheck = .oneOf(["Inpatient", "Outpatient"])
    static let nonNegative: ColumnCheck = .atLeast(0)
    static let session: ColumnCheck = .between(1, 5)

    public static let staff = WarehouseTable(
        schema: .operations, name: "staff",
        columns: [.from("staff_id", .uuid), .from("person_id", .uuid)] + person + [
            .from("Birthdate", .date), .from("role", .text), .from("staff_group", .text), .from("department", .text),
            .from("hire_date", .date), .constant("status", "active"),
        ],
        key: ["staff_id"],
        references: [.department("department")])

    public static let reserve = WarehouseTable(
        schema: .operations, name: "reserve_pool",
        columns: [.from("person_id", .uuid)] + person + [
            .from("Birthdate", .date), .from("Age", .integer, check: nonNegative),
            .from("years_of_experience", .decimal, check: .nonNegativeDecimal), .from("experience_level", .text),
        ],
        key: ["person_id"],
        references: [])

    public static let snapshots = WarehouseTable(
        schema: .operations, name: "staff_snapshots",
        columns: [
            .from("snapshot_date", .date), .from("staff_id", .uuid), .from("Age", .integer, check: nonNegative),
            .from("years_of_service", .decimal, check: .nonNegativeDecimal), .from("experience_level", .text),
            .from("department", .text),
        ],
        key: ["snapshot_date", "staff_id"],
        references: [.staff("staff_id"), .department("department")])

    public static let schedules = WarehouseTable(
        schema: .operations, name: "schedules",
        columns: [
            .from("staff_id", .uuid), .from("schedule_date", .date), .from("role", .text), .from("experience_level", .text),
            .from("home_department", .text), .from("department", .text), .from("shift_type", .text),
            .from("shift_start", .time, nullable: true), .from("shift_hours", .integer, check: .between(0, 24)),
            .from("reserve_hours", .integer, check: .between(0, 24)), .from("on_duty", .boolean), .from("assignment", .text),
        ],
        key: ["staff_id", "schedule_date"],
        references: [.staff("staff_id"), .department("home_department"), .department("department")])

    public static let conditions = WarehouseTable(
        schema: .admissions, name: "medical_conditions",
        columns: [.from("condition", .text), .from("severity", .integer, check: .between(1, 5)), .from("severity_label", .text)],
        key: ["condition"],
        references: [],
        repeats: true)

    public static let patients = WarehouseTable(
        schema: .admissions, name: "patients",
        columns: [.from("person_id", .uuid, as: "patient_id")] + person,
        key: ["patient_id"],
        references: [],
        repeats: true)

    public static let visits = WarehouseTable(
        schema: .admissions, name: "visits",
        columns: [
            .from("visit_id", .uuid), .from("person_id", .uuid, as: "patient_id"), .from("Age", .integer, check: nonNegative),
            .from("condition", .text), .from("care_type", .text, check: care), .from("department", .text),
            .from("arrival_time", .timestamp), .from("session", .integer, check: session), .from("visit_reason", .text),
        ],
        key: ["visit_id"],
        references: [.patient(), .condition(), .unit("department")])

    public static let admissions = WarehouseTable(
        schema: .admissions, name: "admissions",
        columns: [
            .from("admission_id", .uuid), .from("visit_id", .uuid), .from("patient_id", .uuid), .from("department", .text),
            .from("staff_department", .text), .from("triage_minutes", .integer, check: nonNegative),
            .from("admission_time", .timestamp, nullable: true),
            .from("status", .text, check: .oneOf(["Admitted", "Denied - Capacity Full"])),
            .from("length_of_stay_days", .integer, nullable: true, check: nonNegative),
            .from("discharge_time", .timestamp, nullable: true, check: .notBefore("admission_time")),
            .from("discharge_reason", .text, nullable: true, check: .oneOf(["Discharged", "Transferred"])),
            .from("admitting_doctor_id", .uuid, nullable: true), .from("admitting_nurse_id", .uuid, nullable: true),
            .from("hospital_remedy", .text),
        ],
        key: ["admission_id"],
        references: [
            .visit(), .patient(), .unit("department"), .department("staff_department"), .staff("admitting_doctor_id"),
            .staff("admitting_nurse_id"),
        ])

    static let envelope: [C] = [.from("event_id", .uuid)]
    static let eventTail: [C] = [.from("sim_date", .date), .from("session", .integer, check: session)]

    public static let transports = WarehouseTable(
        schema: .transport, name: "transports",
        columns: envelope + [
            .from("transport_id", .uuid), .from("visit_id", .uuid), .from("patient_id", .uuid),
            .from("Age", .integer, check: nonNegative), .from("condition", .text), .from("transport_time", .timestamp),
            .from("transport_type", .text), .from("department", .text), .from("attending_paramedic_id", .uuid, nullable: true),
            .from("attending_physician_id", .uuid, nullable: true), .from("attending_nurse_id", .uuid, nullable: true),
            .from("emt_remedy", .text), .from("notes", .text),
        ] + eventTail,
        key: ["event_id"],
        references: [
            .visit(), .patient(), .condition(), .unit("department"), .staff("attending_paramedic_id"),
            .staff("attending_physician_id"), .staff("attending_nurse_id"),
        ],
        unique: ["transport_id"])

    public static let transfers = WarehouseTable(
        schema: .transfers, name: "transfers",
        columns: envelope + [
            .from("transfer_id", .uuid), .from("admission_id", .uuid), .from("patient_id", .uuid),
            .from("Age", .integer, check: nonNegative), .from("condition", .text), .from("from_department", .text),
            .from("admission_time", .timestamp), .from("transfer_time", .timestamp, check: .notBefore("admission_time")),
            .from("reason", .text), .from("destination", .text), .from("destination_area", .text), .from("transport_mode", .text),
        ] + eventTail,
        key: ["event_id"],
        references: [
            .init(column: "admission_id", table: "admissions", schema: .admissions, key: "admission_id"), .patient(),
            .condition(), .unit("from_department"),
        ],
        unique: ["transfer_id"])

    public static let summaries = WarehouseTable(
        schema: .summary, name: "daily_summaries",
        columns: [
            .from("summary_date", .date), .from("visitors", .integer, check: nonNegative),
            .from("admitted", .integer, check: nonNegative), .from("denied", .integer, check: nonNegative),
            .from("ambulance_arrivals", .integer, check: nonNegative), .from("transfers_planned", .integer, check: nonNegative),
            .from("units", .jsonArray),
        ],
        key: ["summary_date"],
        references: [])

    /// Every table above, in load order.
    public static let all = [
        staff, reserve, snapshots, schedules, conditions, patients, visits, admissions, transports, transfers, summaries,
    ]
}
