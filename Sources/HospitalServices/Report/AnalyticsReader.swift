import HospitalCore
import HospitalWarehouse

/// Reads the `analytics` views (docs/warehouse.md §Analytics views) into the core's rows.
/// Every query orders by its whole key in the "C" collation, so the rows, and the report
/// drawn from them, do not depend on the server's locale or plan.
public struct AnalyticsReader {
    let connection: PQConnection

    public init(connection: PQConnection) { self.connection = connection }

    public func read() throws -> AnalyticsData {
        var data = AnalyticsData()
        data.census = try rows(
            "analytics.ward_census_daily", "census_date, unit, capacity, occupied", order: "census_date, unit COLLATE \"C\""
        ) { row in
            .init(date: try row.date(0), unit: try row.text(1), capacity: row.optionalInt(2), occupied: try row.int(3))
        }
        data.admissions = try rows(
            "analytics.admissions_daily", "arrival_date, unit, care, visits, admitted, denied", order: "arrival_date, unit COLLATE \"C\""
        ) { row in
            .init(
                date: try row.date(0), unit: try row.text(1), care: try row.text(2), visits: try row.int(3), admitted: try row.int(4),
                denied: try row.int(5))
        }
        data.stays = try rows(
            "analytics.length_of_stay", "unit, condition, stays, mean_days, median_days, p90_days, max_days",
            order: "unit COLLATE \"C\", condition COLLATE \"C\" NULLS FIRST"
        ) { row in
            .init(
                unit: try row.text(0), condition: row.optionalText(1), stays: try row.int(2), meanDays: try row.double(3),
                medianDays: try row.double(4), p90Days: try row.double(5), maxDays: try row.double(6))
        }
        data.arrivals = try rows("analytics.arrivals_by_hour", "weekday, hour, arrivals, by_ambulance", order: "weekday, hour") { row in
            .init(weekday: try row.int(0), hour: try row.int(1), arrivals: try row.int(2), byAmbulance: try row.int(3))
        }
        data.transports = try rows(
            "analytics.transports_by_type", "transport_type, severity, transports, with_paramedic",
            order: "transport_type COLLATE \"C\", severity"
        ) { row in
            .init(type: try row.text(0), severity: try row.int(1), transports: try row.int(2), withParamedic: try row.int(3))
        }
        data.transfers = try rows(
            "analytics.transfers_by_reason", "reason, destination, destination_area, transfers",
            order: "reason COLLATE \"C\", destination COLLATE \"C\", destination_area COLLATE \"C\""
        ) { row in
            .init(reason: try row.text(0), destination: try row.text(1), area: try row.text(2), transfers: try row.int(3))
        }
        data.workforce = try rows(
            "analytics.workforce_quarterly", "quarter_start, quarter, last_snapshot, active, hired, retired", order: "quarter_start"
        ) { row in
            .init(
                quarterStart: try row.date(0), quarter: try row.text(1), lastSnapshot: try row.date(2), active: try row.int(3),
                hired: try row.int(4), retired: try row.int(5))
        }
        data.coverage = try rows(
            "analytics.schedule_coverage", "department, shift_type, staffed_days, staff_shifts, senior_shifts, days_with_senior",
            order: "department COLLATE \"C\", shift_type COLLATE \"C\""
        ) { row in
            .init(
                department: try row.text(0), shift: try row.text(1), staffedDays: try row.int(2), staffShifts: try row.int(3),
                seniorShifts: try row.int(4), daysWithSenior: try row.int(5))
        }
        return data
    }

    private func rows<Row>(_ view: String, _ columns: String, order: String, _ make: (ViewRow) throws -> Row) throws -> [Row] {
        let result = try connection.execute("SELECT \(columns) FROM \(view) ORDER BY \(order)")
        return try result.rows.map { try make(ViewRow(view: view, columns: result.columns, values: $0)) }
    }
}
