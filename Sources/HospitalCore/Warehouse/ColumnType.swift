/// The value types of the warehouse columns, checked before a load: PostgreSQL's COPY stops
/// at the first bad row, so the ingestor finds it first and names its line and column.
public enum ColumnType: Sendable, Equatable {
    case uuid
    case date
    case timestamp
    /// `HH:MM`.
    case time
    case integer
    /// A number with two decimals, as years of service are written.
    case decimal
    case boolean
    case text
    /// A JSON array kept as jsonb.
    case jsonArray

    /// Whether `value` is a valid non-empty value of the type.
    public func accepts(_ value: Substring) -> Bool {
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
        switch self {
        case .uuid:
            return DeterministicUUID(parsing: value) != nil
        case .date:
            return SimDate(iso: value) != nil
        case .timestamp:
            guard bytes.count == 19, bytes[10] == 32, bytes[13] == 58, bytes[16] == 58, digits(11..<13), digits(14..<16),
                digits(17..<19), SimDate(iso: value.prefix(10)) != nil
            else { return false }
            return Int(value.dropFirst(11).prefix(2))! < 24 && Int(value.dropFirst(14).prefix(2))! < 60
                && Int(value.suffix(2))! < 60
        case .time:
            return ClockText.minutes(String(value)) != nil && bytes.count == 5
        case .integer:
            return Int32(value) != nil
        case .decimal:
            let parts = value.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].count == 2
                && parts.allSatisfy { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        case .boolean:
            return value == "true" || value == "false"
        case .text:
            return true
        case .jsonArray:
            return value.first == "[" && value.last == "]"
        }
    }

    public var name: String {
        switch self {
        case .uuid: return "a UUID"
        case .date: return "a date (YYYY-MM-DD)"
        case .timestamp: return "a timestamp (YYYY-MM-DD HH:MM:SS)"
        case .time: return "a time (HH:MM)"
        case .integer: return "an integer"
        case .decimal: return "a number with two decimals"
        case .boolean: return "true or false"
        case .text: return "text"
        case .jsonArray: return "a JSON array"
        }
    }
}
