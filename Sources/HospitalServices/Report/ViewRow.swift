import HospitalCore

/// One row of a view as text, read by column with its type checked: a value that does not
/// parse names the view and the column rather than becoming a zero in a chart.
struct ViewRow {
    let view: String
    let columns: [String]
    let values: [String?]

    func text(_ index: Int) throws -> String {
        guard let value = values[index] else { throw failure(index, "a value, not NULL") }
        return value
    }

    func optionalText(_ index: Int) -> String? { values[index] }

    func int(_ index: Int) throws -> Int {
        guard let value = Int(try text(index)) else { throw failure(index, "a whole number") }
        return value
    }

    func optionalInt(_ index: Int) -> Int? { values[index].flatMap { Int($0) } }

    func double(_ index: Int) throws -> Double {
        guard let value = Double(try text(index)) else { throw failure(index, "a number") }
        return value
    }

    func date(_ index: Int) throws -> SimDate {
        guard let value = SimDate(iso: try text(index)) else { throw failure(index, "a date as YYYY-MM-DD") }
        return value
    }

    private func failure(_ index: Int, _ expected: String) -> AnalyticsReadError {
        AnalyticsReadError(view: view, column: columns[index], expected: expected, found: values[index])
    }
}
