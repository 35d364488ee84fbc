/// The workforce per quarter and the senior cover of the schedules
/// (docs/warehouse.md §Analytics views).
enum StaffFigures {
    static func figures(_ data: AnalyticsData) -> [Figure] {
        let quarters = data.workforce.map(\.quarter)
        let active = BarChart(
            categories: quarters, series: [.init(name: "Active", color: Palette.blue)], values: data.workforce.map { [Double($0.active)] },
            format: .count, axisTitle: "staff on the roster at the quarter's last workforce step")
        let flows = BarChart(
            categories: quarters, series: [.init(name: "Hired", color: Palette.green), .init(name: "Retired", color: Palette.orange)],
            values: data.workforce.map { [Double($0.hired), Double($0.retired)] }, format: .count,
            axisTitle: "staff per quarter")
        return [
            Figure(
                id: "workforce-active", title: "Active staff per quarter",
                caption: "The roster at each quarter's last workforce step (every 90 days).",
                svg: active.svg(label: "Active staff per quarter"),
                legend: [.init(name: "Active at the end", color: Palette.blue, total: data.workforce.last?.active ?? 0)]),
            Figure(
                id: "workforce-flows", title: "Hired and retired per quarter",
                caption: "Retirements (age or long service) and the hires from the reserve pool that fill their posts.",
                svg: flows.svg(label: "Hired and retired per quarter"),
                legend: [
                    .init(name: "Hired", color: Palette.green, total: data.workforce.map(\.hired).reduce(0, +)),
                    .init(name: "Retired", color: Palette.orange, total: data.workforce.map(\.retired).reduce(0, +)),
                ]),
            coverage(data),
        ]
    }

    /// Departments × shifts: the share of staffed days with at least one clinical senior.
    static func coverage(_ data: AnalyticsData) -> Figure {
        let departments = Array(Set(data.coverage.map(\.department))).sorted()
        let shifts = Array(Set(data.coverage.map(\.shift))).sorted()
        let cell = { (department: String, shift: String) in data.coverage.first { $0.department == department && $0.shift == shift } }
        let values = departments.map { department in
            shifts.map { shift in cell(department, shift).map { Double($0.daysWithSenior) / Double(max(1, $0.staffedDays)) } ?? 0 }
        }
        var map = HeatMap(
            rows: departments, columns: shifts.map { $0.hasSuffix("_RESERVE") ? String($0.dropLast(8)) : $0 }, values: values,
            format: .percent, columnTitle: "shift (8-hour shifts carry 4 reserve hours)",
            scaleTitle: "share of the days the shift was staffed with a senior doctor or nurse on it")
        map.top = 1
        return Figure(
            id: "coverage", title: "Senior cover per department and shift",
            caption: "Days with at least one senior doctor, surgeon or nurse on that shift, of the days anyone worked it there.",
            svg: map.svg(label: "Senior cover per department and shift"),
            legend: [
                .init(name: "Senior shifts", color: Palette.ramp(0.8), total: data.coverage.map(\.seniorShifts).reduce(0, +)),
                .init(name: "Staff shifts", color: "#fff", total: data.coverage.map(\.staffShifts).reduce(0, +)),
            ])
    }
}
