import HospitalCore
import HospitalWarehouse

/// The dimensions no lake file carries: departments and care units come from the configs,
/// and are inserted at start (idempotently) so every file that names one finds it.
enum WarehouseSeed {
    static func apply(_ config: HospitalConfig, schemas: WarehouseSchemas, on connection: PQConnection) throws {
        let departments = schemas.qualified(.operations, "departments")
        for department in config.shifts.departments {
            try connection.execute("INSERT INTO \(departments) (department) VALUES ($1) ON CONFLICT DO NOTHING", [department])
        }
        for unit in config.clinical.units {
            try connection.execute(
                "INSERT INTO \(schemas.qualified(.operations, "care_units")) (unit, care, capacity, staff_department) "
                    + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                [unit.name, unit.care, String(unit.capacity), unit.staffDepartment])
        }
    }
}
