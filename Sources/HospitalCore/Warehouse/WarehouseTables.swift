/// Every table the ingestor loads, with the lake field behind each column (db/db_schema.sql
/// creates them; README "The lake" lists the files).
public enum WarehouseTables {
    typealias C = WarehouseTable.Column
    typealias R = WarehouseTable.Reference

    static let person: [C] = [.from("First_Name", .text), .from("Surname", .text), .from("Gender", .text)]

    public static let staff = WarehouseTable(
        schema: .operations, name: "staff",
        columns: [.from("staff_id", .uuid), .from("person_id", .uuid)] + person + [
            .from("Birthdate", .date), .from("role", .text), .from("staff_group", .text), .from("department", .text),
            .from("hire_date", .date), .constant("status", "active"),
        ],
        references: [])

    public static let reserve = WarehouseTable(
        schema: .operations, name: "reserve_pool",
        columns: [.from("person_id", .uuid)] + person + [
            .from("Birthdate", .date), .from("Age", .integer), .from("years_of_experience", .decimal),
            .from("experience_level", .text),
        ],
        references: [])

    public static let snapshots = WarehouseTable(
        schema: .operations, name: "staff_snapshots",
        columns: [
            .from("snapshot_date", .date), .from("staff_id", .uuid), .from("Age", .integer), .from("years_of_service", .decimal),
            .from("experience_level", .text), .from("department", .text),
        ],
        references: [.staff("staff_id")])

    public static let schedules = WarehouseTable(
        schema: .operations, name: "schedules",
        columns: [
            .from("staff_id", .uuid), .from("schedule_date", .date), .from("role", .text), .from("experience_level", .text),
            .from("home_department", .text), .from("department", .text), .from("shift_type", .text),
            .from("shift_start", .time, nullable: true), .from("shift_hours", .integer), .from("reserve_hours", .integer),
            .from("on_duty", .boolean), .from("assignment", .text),
        ],
        references: [.staff("staff_id")])

    public static let conditions = WarehouseTable(
        schema: .admissions, name: "medical_conditions",
        columns: [.from("condition", .text), .from("severity", .integer), .from("severity_label", .text)],
        references: [])

    public static let patients = WarehouseTable(
        schema: .admissions, name: "patients",
        columns: [.from("person_id", .uuid, as: "patient_id")] + person,
        references: [])

    public static let visits = WarehouseTable(
        schema: .admissions, name: "visits",
        columns: [
            .from("visit_id", .uuid), .from("person_id", .uuid, as: "patient_id"), .from("Age", .integer),
            .from("condition", .text), .from("care_type", .text), .from("department", .text), .from("arrival_time", .timestamp),
            .from("session", .integer), .from("visit_reason", .text),
        ],
        references: [])

    public static let admissions = WarehouseTable(
        schema: .admissions, name: "admissions",
        columns: [
            .from("admission_id", .uuid), .from("visit_id", .uuid), .from("patient_id", .uuid), .from("department", .text),
            .from("staff_department", .text), .from("triage_minutes", .integer),
            .from("admission_time", .timestamp, nullable: true), .from("status", .text),
            .from("length_of_stay_days", .integer, nullable: true), .from("discharge_time", .timestamp, nullable: true),
            .from("discharge_reason", .text, nullable: true), .from("admitting_doctor_id", .uuid, nullable: true),
            .from("admitting_nurse_id", .uuid, nullable: true), .from("hospital_remedy", .text),
        ],
        references: [
            .init(column: "visit_id", table: "visits", schema: .admissions, key: "visit_id"),
            .staff("admitting_doctor_id"), .staff("admitting_nurse_id"),
        ])

    static let envelope: [C] = [.from("event_id", .uuid)]
    static let eventTail: [C] = [.from("sim_date", .date), .from("session", .integer)]

    public static let transports = WarehouseTable(
        schema: .transport, name: "transports",
        columns: envelope + [
            .from("transport_id", .uuid), .from("visit_id", .uuid), .from("patient_id", .uuid), .from("Age", .integer),
            .from("condition", .text), .from("transport_time", .timestamp), .from("transport_type", .text),
            .from("department", .text), .from("attending_paramedic_id", .uuid, nullable: true),
            .from("attending_physician_id", .uuid, nullable: true), .from("attending_nurse_id", .uuid, nullable: true),
            .from("emt_remedy", .text), .from("notes", .text),
        ] + eventTail,
        references: [
            .init(column: "visit_id", table: "visits", schema: .admissions, key: "visit_id"),
            .staff("attending_paramedic_id"), .staff("attending_physician_id"), .staff("attending_nurse_id"),
        ])

    public static let transfers = WarehouseTable(
        schema: .transfers, name: "transfers",
        columns: envelope + [
            .from("transfer_id", .uuid), .from("admission_id", .uuid), .from("patient_id", .uuid), .from("Age", .integer),
            .from("condition", .text), .from("from_department", .text), .from("admission_time", .timestamp),
            .from("transfer_time", .timestamp), .from("reason", .text), .from("destination", .text),
            .from("destination_area", .text), .from("transport_mode", .text),
        ] + eventTail,
        references: [.init(column: "admission_id", table: "admissions", schema: .admissions, key: "admission_id")])

    public static let summaries = WarehouseTable(
        schema: .summary, name: "daily_summaries",
        columns: [
            .from("summary_date", .date), .from("visitors", .integer), .from("admitted", .integer), .from("denied", .integer),
            .from("ambulance_arrivals", .integer), .from("transfers_planned", .integer), .from("units", .jsonArray),
        ],
        references: [])
}
