/// A view returned a value the report cannot use (a schema older or newer than this build).
public struct AnalyticsReadError: Error, CustomStringConvertible {
    public let view: String
    public let column: String
    public let expected: String
    public let found: String?

    public var description: String { "\(view).\(column): expected \(expected), found \(found.map { "'\($0)'" } ?? "NULL")" }
}
