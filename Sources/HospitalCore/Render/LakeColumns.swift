/// The header of every CSV the lake holds (README lists them; the ingestor validates against them).
public enum LakeColumns {
    public static let people = [
        "person_id", "First_Name", "Surname", "Gender", "Race", "Birthdate", "Residential_address",
    ]
    public static let illnesses =
        people + [
            "Age", "age_group_at_assessment", "assigned_issues", "emt_remedies", "hospital_remedies",
        ]
    public static let staff = [
        "staff_id", "person_id", "First_Name", "Surname", "Gender", "Birthdate", "Age", "role", "staff_group",
        "department", "years_of_service", "experience_level", "hire_date", "status",
    ]
    public static let reserve = [
        "person_id", "First_Name", "Surname", "Gender", "Birthdate", "Age", "years_of_experience", "experience_level",
    ]
    public static let staffActive = ["snapshot_date"] + staff.dropLast()
    public static let schedules = [
        "schedule_date", "staff_id", "role", "experience_level", "home_department", "department", "shift_type",
        "shift_start", "shift_hours", "reserve_hours", "on_duty", "assignment",
    ]
    public static let visitors = [
        "visit_id", "person_id", "First_Name", "Surname", "Gender", "Age", "condition", "severity", "severity_label",
        "care_type", "department", "arrival_time", "session", "visit_reason",
    ]
    public static let transport = [
        "transport_id", "visit_id", "patient_id", "First_Name", "Surname", "Gender", "Age", "condition", "severity",
        "severity_label", "transport_time", "transport_type", "department", "attending_paramedic_id",
        "attending_physician_id", "attending_nurse_id", "emt_remedy", "notes",
    ]
    public static let transfers = [
        "transfer_id", "admission_id", "patient_id", "First_Name", "Surname", "Gender", "Age", "condition", "severity",
        "from_department", "admission_time", "transfer_time", "reason", "destination", "destination_area",
        "transport_mode",
    ]
    public static let admissions = [
        "admission_id", "visit_id", "patient_id", "First_Name", "Surname", "Gender", "Age", "condition", "severity",
        "severity_label", "care_type", "department", "staff_department", "arrival_time", "triage_minutes",
        "admission_time", "status", "length_of_stay_days", "discharge_time", "discharge_reason",
        "admitting_doctor_id", "admitting_nurse_id", "hospital_remedy",
    ]
}
