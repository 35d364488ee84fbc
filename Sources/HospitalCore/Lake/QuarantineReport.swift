import Foundation

/// The reason kept beside a quarantined file, `failed/<name>.error.json`
/// (docs/lake.md §Failed files): built here, written here, and read back here, so a retry
/// never scans a report written for people. The members keep the documented names and order; what a kind of
/// fault adds (a SQLSTATE, the file holding a missing parent, a count of events) is a typed
/// field, written only when set.
public struct QuarantineReport: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String
    public var service: String
    public var problem: InputProblem
    public var sqlState: String?
    public var constraint: String?
    public var table: String?
    /// The quarantined file whose rows this one references: retried once that name loads.
    public var heldBy: String?
    /// The flag that lists a file deleted before it was loaded.
    public var flag: String?
    public var setAside: Int?
    public var topic: String?
    public var partition: Int32?
    public var offset: Int64?
    public var expectedOffset: Int64?
    public var actualOffset: Int64?
    public var missingCount: Int64?

    public init(file: String, line: Int = 1, column: Int = 1, reason: String, service: String, problem: InputProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.service = service
        self.problem = problem
    }

    /// One line of JSON: the five documented members, then the problem's kind and its
    /// fields. Numbers beyond the position are written as strings, as they always were.
    public var json: [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.member("file", file)
        json.member("line", line)
        json.member("column", column)
        json.member("reason", reason)
        json.member("service", service)
        json.member("problem", problem.rawValue)
        for (key, value) in extras { json.member(key, value) }
        json.endObject()
        return json.line
    }

    private var extras: [(String, String)] {
        let fields: [(String, String?)] = [
            ("sqlstate", sqlState), ("constraint", constraint), ("table", table), ("held_by", heldBy), ("flag", flag),
            ("set_aside", setAside.map(String.init)), ("topic", topic), ("partition", partition.map(String.init)),
            ("offset", offset.map(String.init)), ("expected_offset", expectedOffset.map(String.init)),
            ("actual_offset", actualOffset.map(String.init)), ("missing_count", missingCount.map(String.init)),
        ]
        return fields.compactMap { key, value in value.map { (key, $0) } }
    }

    /// Reads a report back; nil for anything that is not one (a hand-made file in failed/).
    /// A report written before `problem` existed reads as `.unknown`.
    public init?(json bytes: [UInt8]) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
            let file = object["file"] as? String, let line = object["line"] as? Int, let column = object["column"] as? Int,
            let reason = object["reason"] as? String
        else { return nil }
        func text(_ key: String) -> String? { object[key] as? String }
        self.init(
            file: file, line: line, column: column, reason: reason, service: text("service") ?? "unknown",
            problem: text("problem").flatMap(InputProblem.init(rawValue:)) ?? .unknown)
        sqlState = text("sqlstate")
        constraint = text("constraint")
        table = text("table")
        heldBy = text("held_by")
        flag = text("flag")
        setAside = text("set_aside").flatMap { Int($0) }
        topic = text("topic")
        partition = text("partition").flatMap { Int32($0) }
        offset = text("offset").flatMap { Int64($0) }
        expectedOffset = text("expected_offset").flatMap { Int64($0) }
        actualOffset = text("actual_offset").flatMap { Int64($0) }
        missingCount = text("missing_count").flatMap { Int64($0) }
    }
}
