/// A CHECK constraint of `db/db_schema.sql`, mirrored here so the ingestor refuses the row
/// with its line and column before PostgreSQL would refuse the whole file. The schema test
/// reads the catalog back and fails when a constraint there has no counterpart here.
public enum ColumnCheck: Sendable, Hashable {
    /// An integer at least this large (`CHECK (x >= n)`).
    case atLeast(Int)
    /// An integer within the bounds (`CHECK (x BETWEEN a AND b)`).
    case between(Int, Int)
    /// One of the listed words (`CHECK (x IN (...))`).
    case oneOf([String])
    /// A timestamp not earlier than the named column's (`CHECK (x >= other)`); passes when
    /// either is NULL, as SQL does.
    case notBefore(String)
    /// A decimal at least zero (`numeric CHECK (x >= 0)`).
    case nonNegativeDecimal

    /// Whether `value` (already of the column's type) passes; `row` gives the other columns.
    func accepts(_ value: Substring, other: (String) -> String?) -> Bool {
        switch self {
        case .atLeast(let minimum):
            return Int(value).map { $0 >= minimum } ?? false
        case .between(let low, let high):
            return Int(value).map { $0 >= low && $0 <= high } ?? false
        case .oneOf(let words):
            return words.contains { $0 == value }
        case .notBefore(let column):
            // Both are `YYYY-MM-DD HH:MM:SS`: text order is time order.
            guard let earlier = other(column) else { return true }
            return value >= Substring(earlier)
        case .nonNegativeDecimal:
            return !value.hasPrefix("-")
        }
    }

    func describe(_ column: String) -> String {
        switch self {
        case .atLeast(let minimum): return "'\(column)' must be at least \(minimum)"
        case .between(let low, let high): return "'\(column)' must be between \(low) and \(high)"
        case .oneOf(let words): return "'\(column)' must be one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .notBefore(let other): return "'\(column)' must not be before '\(other)'"
        case .nonNegativeDecimal: return "'\(column)' must not be negative"
        }
    }
}
