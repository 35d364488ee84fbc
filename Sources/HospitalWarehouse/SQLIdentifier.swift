/// A table, schema or column name that came from configuration, checked and quoted.
///
/// Identifiers cannot be bound as `$1` parameters, so names from config end up in SQL
/// text. This type is the one place that decides which names are acceptable: lower-case
/// ASCII, digits and underscores, not starting with a digit, at most 63 bytes (the
/// server's NAMEDATALEN limit, beyond which PostgreSQL silently truncates). Anything
/// else is rejected rather than escaped, so a typo in config fails loudly at start.
public struct SQLIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// Why a name was refused; the offending name is included because config names are
    /// not secrets and the operator needs to see which one is wrong.
    public struct InvalidName: Error, CustomStringConvertible, Sendable {
        public let name: String
        public var description: String {
            "invalid SQL identifier \"\(name)\": expected ^[a-z_][a-z0-9_]{0,62}$"
        }
    }

    /// The validated name, unquoted.
    public let name: String

    /// Validates `name` against `^[a-z_][a-z0-9_]{0,62}$`.
    public init(_ name: String) throws(InvalidName) {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63,
            first == UInt8(ascii: "_") || Self.isLowercaseLetter(first),
            bytes.allSatisfy({ $0 == UInt8(ascii: "_") || Self.isLowercaseLetter($0) || Self.isDigit($0) })
        else { throw InvalidName(name: name) }
        self.name = name
    }

    /// The name in double quotes, safe to splice into SQL: validation already excluded
    /// quotes, and quoting keeps reserved words (`user`, `order`) usable as names.
    public var quoted: String {
        "\"\(name)\""
    }

    /// Validates and quotes in one step: the usual way to put a config name into SQL.
    public static func quote(_ name: String) throws(InvalidName) -> String {
        try SQLIdentifier(name).quoted
    }

    public var description: String {
        quoted
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
