/// A configuration that cannot be used. Its description is the one line a service prints
/// before exiting with code 2: the file, the key and what was expected.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let key: String
    public let expected: String

    public init(file: String, key: String, expected: String) {
        self.file = file
        self.key = key
        self.expected = expected
    }

    public var description: String {
        key.isEmpty ? "\(file): \(expected)" : "\(file): key '\(key)': \(expected)"
    }
}
