@testable import HospitalCore

/// Small hand-made lakes for the rule tests: a few rows each, named so a test reads as the
/// situation it sets up.
enum AuditFixture {
    static let policy = AuditPolicy(
        roleMinimumAge: ["Doctor": 24, "Nurse": 21, "Paramedic": 19], doctorRoles: ["Doctor"], nurseRoles: ["Nurse"],
        paramedicRoles: ["Paramedic"], seniorLevel: "Senior")

    static let date = "2022-11-20"

    /// `HH:MM` on the fixture's date, `days` later, in minutes since 1970-01-01.
    static func at(_ clock: String, days: Int = 0) -> Int {
        LakeClock.minute(date)! + days * 1440 + LakeClock.clock(clock)!
    }

    static func staff(_ id: String, _ role: String, person: String? = nil, age: Int = 40, years: String = "10.00") -> StaffRow {
        StaffRow(file: "staff_data.csv", staffID: id, personID: person ?? "person-" + id, role: role, age: age, yearsOfService: years)
    }

    static func shift(
        _ id: String, from start: Int, hours: Int, level: String = "Junior", department: String = "Medicine", date: String = date
    ) -> ScheduleRow {
        ScheduleRow(
            date: date, staffID: id, experienceLevel: level, department: department, onDuty: true,
            shift: MinuteSpan(start, start + hours * 60))
    }

    static func patient(age: Int = 40, gender: String = "Female", _ conditions: String = "Influenza") -> PatientTraits {
        PatientTraits(age: age, gender: gender, conditions: conditions)
    }

    static func stay(
        _ visit: String, patient id: String, from start: Int, to end: Int?, unit: String = "Medicine", doctor: String = "",
        nurse: String = "", patient traits: PatientTraits = patient()
    ) -> AdmissionRow {
        AdmissionRow(
            visitID: visit, patientID: id, patient: traits, admitted: true, admissionTime: start, inpatient: true, unit: unit,
            dischargeTime: end, doctorID: doctor, nurseID: nurse)
    }

    static func transport(
        _ visit: String, patient: String = "someone", at time: Int, ambulance: Bool = true, paramedic: String = "",
        physician: String = "", nurse: String = ""
    ) -> TransportRow {
        TransportRow(
            visitID: visit, patientID: patient, time: time, ambulance: ambulance, paramedicID: paramedic, physicianID: physician,
            nurseID: nurse)
    }

    static func lake(_ fill: (inout AuditRows) -> Void) -> AuditedLake {
        var rows = AuditRows()
        fill(&rows)
        return AuditedLake(rows: rows, policy: policy)
    }
}
