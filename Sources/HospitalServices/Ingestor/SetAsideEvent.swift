import Foundation
import HospitalCore

/// One event a chunk's load set aside: where it was, why, whether a later pass may load it
/// (its parent may still come), and the event's own bytes when they are a JSON object. A
/// line of `failed/<chunk>.set-aside.jsonl` (docs/lake.md §Failed files) is written and read
/// here alone.
struct SetAsideEvent: Equatable {
    let line: Int
    let column: Int
    let reason: String
    let retry: Bool
    let event: [UInt8]?

    /// The line's members before the event, in the order they are written.
    private func head(source: String) -> JSONText {
        var json = JSONText()
        json.beginObject()
        json.member("file", source)
        json.member("line", line)
        json.member("column", column)
        json.member("reason", reason)
        json.key("retry")
        json.bool(retry)
        return json
    }

    func jsonLine(source: String) -> [UInt8] {
        var json = head(source: source)
        if let event {
            json.key("event")
            json.raw(event)
        }
        json.endObject()
        return json.line
    }

    /// Reads a line back. The event is the raw text after the head this type writes for the
    /// line's own members, so its bytes load exactly as they were landed.
    init?(jsonLine bytes: some Collection<UInt8>) {
        let line = Array(bytes)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
            let source = object["file"] as? String, let number = object["line"] as? Int, let column = object["column"] as? Int,
            let reason = object["reason"] as? String
        else { return nil }
        self.init(line: number, column: column, reason: reason, retry: object["retry"] as? Bool ?? false, event: nil)
        guard object["event"] != nil else { return }
        var head = head(source: source)
        head.key("event")
        let prefix = head.bytes
        guard line.count > prefix.count, line.starts(with: prefix), line.last == UInt8(ascii: "}") else { return }
        let event = Array(line[prefix.count..<(line.count - 1)])
        if JSONLineValidator.isObject(event) {
            self.init(line: number, column: column, reason: reason, retry: self.retry, event: event)
        }
    }

    init(line: Int, column: Int, reason: String, retry: Bool, event: [UInt8]?) {
        self.line = line
        self.column = column
        self.reason = reason
        self.retry = retry
        self.event = event
    }
}
