import CLibPQ

/// Translation of libpq's two error channels into `PostgresError`: structured fields on a
/// `PGresult`, and the bare text of `PQerrorMessage` when no result exists (connecting).
extension PostgresError {
    /// Reads the fields the server sent with an ErrorResponse.
    init(result: OpaquePointer, operation: String) {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(result, code) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        let primary = field(CLibPQ_DIAG_MESSAGE_PRIMARY) ?? String(cString: PQresultErrorMessage(result))
        self.init(
            kind: .server, operation: operation, message: primary.trimmingWhitespace(),
            sqlState: field(CLibPQ_DIAG_SQLSTATE), severity: field(CLibPQ_DIAG_SEVERITY),
            detail: field(CLibPQ_DIAG_MESSAGE_DETAIL), hint: field(CLibPQ_DIAG_MESSAGE_HINT),
            context: field(CLibPQ_DIAG_CONTEXT))
        table = field(CLibPQ_DIAG_TABLE_NAME)
        column = field(CLibPQ_DIAG_COLUMN_NAME)
        constraint = field(CLibPQ_DIAG_CONSTRAINT_NAME)
    }

    /// Builds an error from `PQerrorMessage` text.
    ///
    /// While connecting there is no `PGresult` to ask for fields, so the connection runs
    /// with `PQERRORS_VERBOSE`, which makes libpq print `SEVERITY:  SQLSTATE: message`;
    /// we take the SQLSTATE from there. Without it (refused, timeout) the text is
    /// libpq's own and carries no code.
    init(connectionMessage raw: String, operation: String) {
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        for line in lines {
            if let parsed = Self.parseVerboseLine(line) {
                let detail = lines.first { $0.hasPrefix("DETAIL:") }
                    .map { String($0.dropFirst("DETAIL:".count)).trimmingWhitespace() }
                self.init(
                    kind: .connection, operation: operation, message: parsed.message,
                    sqlState: parsed.sqlState, severity: parsed.severity, detail: detail)
                return
            }
        }
        let message = lines.filter { !$0.hasPrefix("LOCATION:") }
            .map { $0.trimmingWhitespace() }.joined(separator: " ")
        self.init(kind: .connection, operation: operation, message: message.isEmpty ? "unknown libpq error" : message)
    }

    /// Finds `SEVERITY:  XXXXX: message` anywhere in a line (libpq 14+ prefixes it with
    /// `connection to server at "host", port N failed: `).
    static func parseVerboseLine(_ line: String) -> (severity: String, sqlState: String, message: String)? {
        let chars = Array(line.utf8)
        var index = 0
        while let colon = chars[index...].firstIndex(of: UInt8(ascii: ":")) {
            index = colon + 1
            let codeStart = colon + 3
            guard codeStart + 7 <= chars.count,
                chars[colon + 1] == UInt8(ascii: " "), chars[colon + 2] == UInt8(ascii: " "),
                chars[codeStart + 5] == UInt8(ascii: ":"), chars[codeStart + 6] == UInt8(ascii: " "),
                chars[codeStart..<codeStart + 5].allSatisfy({ isCodeChar($0) })
            else { continue }
            var wordStart = colon
            while wordStart > 0, chars[wordStart - 1] != UInt8(ascii: " ") { wordStart -= 1 }
            let severity = String(decoding: chars[wordStart..<colon], as: UTF8.self)
            let code = String(decoding: chars[codeStart..<codeStart + 5], as: UTF8.self)
            let message = String(decoding: chars[(codeStart + 7)...], as: UTF8.self)
            return (severity, code, message.trimmingWhitespace())
        }
        return nil
    }

    private static func isCodeChar(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
