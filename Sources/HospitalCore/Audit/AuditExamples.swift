/// The first few faults a verdict quotes: enough to find the rows, few enough for one line.
public struct AuditExamples: Sendable {
    public static let limit = 3

    public private(set) var items: [String] = []

    public init() {}

    /// Builds the text only while there is room for it.
    public mutating func note(_ example: @autoclosure () -> String) {
        if items.count < Self.limit { items.append(example()) }
    }

    public var text: String { items.joined(separator: "; ") }

    /// `counts`, then the examples after a semicolon when there are any.
    public func after(_ counts: String) -> String { items.isEmpty ? counts : counts + "; " + text }
}
