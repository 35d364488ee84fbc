import Crypto
import Foundation
import HospitalCore
import HospitalServices

/// The cases of `Tests/Fixtures/bad/corpus.json`, and how each changes a clean lake.
struct BadInputCase: CustomStringConvertible, Sendable {
    let kind: String
    let family: String
    let object: [String: any Sendable]
    var description: String { kind }

    static func load(_ repository: String) throws -> [BadInputCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repository + "/Tests/Fixtures/bad/corpus.json"))
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map { object in
            BadInputCase(
                kind: object["kind"] as! String, family: object["family"] as! String,
                object: object.mapValues { value -> any Sendable in
                    if let text = value as? String { return text }
                    if let number = value as? Int { return number }
                    return (value as? [String: Any]).map { $0.mapValues { "\($0)" } } ?? "\(value)"
                })
        }
    }

    func string(_ key: String) -> String? { object[key] as? String }
    func int(_ key: String) -> Int? { object[key] as? Int }
    var expect: [String: String] { object["expect"] as? [String: String] ?? [:] }

    /// Changes the lake as the case says.
    func apply(to layout: LakeLayout) throws {
        let batch = layout.batch + "/"
        let file = string("file").map { batch + $0 } ?? ""
        switch string("op")! {
        case "none":
            break
        case "set", "rawset":
            try Self.editCSV(file, line: int("line")!, column: string("column")!, value: string("value")!, raw: string("op") == "rawset")
        case "header":
            var lines = try Self.lines(file)
            lines[0] = Array(String(decoding: lines[0], as: UTF8.self).replacingOccurrences(of: string("from")!, with: string("to")!).utf8)
            try Self.write(lines, to: file)
        case "truncate":
            let lines = try Self.lines(file)
            let keep = int("keep")!
            try Self.write(keep == 0 ? [] : Array(lines.prefix(keep + 1)), to: file)
        case "duplicate":
            var lines = try Self.lines(file)
            lines.insert(lines[int("line")! - 1], at: int("line")!)
            try Self.write(lines, to: file)
        case "delete":
            try FileManager.default.removeItem(atPath: file)
        case "copy":
            try FileManager.default.copyItem(atPath: file, toPath: batch + string("to")!)
        case "symlink":
            let target = string("target")!
            let outside = layout.root + "/../" + URL(fileURLWithPath: layout.root).lastPathComponent + "-outside.csv"
            if target == "outside" {
                try Data(contentsOf: URL(fileURLWithPath: batch + "daily_visitors_2022-11-20.csv")).write(to: URL(fileURLWithPath: outside))
            }
            try FileManager.default.createSymbolicLink(
                atPath: batch + string("to")!, withDestinationPath: target == "outside" ? outside : target)
        case "fifo":
            guard mkfifo(batch + string("to")!, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case "mkdir":
            try FileManager.default.createDirectory(atPath: batch + string("to")!, withIntermediateDirectories: false)
        case "stream-symlink":
            try FileManager.default.createSymbolicLink(
                atPath: layout.stream + "/" + string("topic")! + "/" + string("to")!, withDestinationPath: string("target")!)
        case "stream-write":
            try Data(string("text")!.utf8).write(to: URL(fileURLWithPath: layout.stream + "/" + string("topic")! + "/" + string("to")!))
        case "event", "event-copy", "event-raw":
            try editEvent(layout)
        default:
            fatalError("unknown op \(string("op")!)")
        }
        if string("flag") == "match" { try Self.matchFlag(string("file")!, layout: layout) }
    }

    /// The one chunk of a topic.
    static func chunk(_ layout: LakeLayout, _ topic: String) -> String {
        let folder = layout.stream + "/" + topic
        let name = try! FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasPrefix(topic + "+0+") }!
        return folder + "/" + name
    }

    private func editEvent(_ layout: LakeLayout) throws {
        let path = Self.chunk(layout, string("topic")!)
        var lines = try Self.lines(path)
        let index = int("line")! - 1
        if string("op") == "event-raw" {
            lines[index] = Array(string("text")!.utf8)
            return try Self.write(lines, to: path)
        }
        var object = try JSONSerialization.jsonObject(with: Data(lines[index])) as! [String: Any]
        let field = string("field")!
        let value: Any
        switch string("value")! {
        case "huge": value = String(repeating: "x", count: 50 << 20)
        case "long": value = String(repeating: "y", count: 20_000)
        case let text: value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        }
        if field.hasPrefix("summary.") {
            var summary = object["summary"] as! [String: Any]
            summary[String(field.dropFirst("summary.".count))] = value
            object["summary"] = summary
        } else {
            object[field] = value
        }
        let edited = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        if string("op") == "event-copy" { lines.append(edited) } else { lines[index] = edited }
        try Self.write(lines, to: path)
    }

    static func lines(_ path: String) throws -> [[UInt8]] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func write(_ lines: [[UInt8]], to path: String) throws {
        try Data(lines.flatMap { $0 + [UInt8(ascii: "\n")] }).write(to: URL(fileURLWithPath: path))
    }

    /// Sets one field of a CSV file, quoted as the lake quotes (or, `raw`, exactly as given).
    static func editCSV(_ path: String, line: Int, column: String, value: String, raw: Bool) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self).split(separator: ",").map(String.init)
        let table = try CSVReader.parse(bytes, expecting: header)
        let position = header.firstIndex(of: column)!
        var rows = table.rows
        let index = table.lines.firstIndex(of: line)!
        rows[index][position] = value
        func quoted(_ field: String) -> String {
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var text = header.joined(separator: ",") + "\n"
        for (rowIndex, row) in rows.enumerated() {
            text +=
                row.enumerated().map { raw && rowIndex == index && $0.offset == position ? $0.element : quoted($0.element) }
                .joined(separator: ",") + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Rewrites the flag entry of a batch file to its current bytes.
    static func matchFlag(_ name: String, layout: LakeLayout) throws {
        for folder in [layout.setupFlags, layout.dailyFlags] {
            for flag in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let path = folder + "/" + flag
                var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
                var outputs = object["outputs"] as! [[String: Any]]
                guard let index = outputs.firstIndex(where: { $0["file"] as? String == "batch/" + name }) else { continue }
                let bytes = try Data(contentsOf: URL(fileURLWithPath: layout.batch + "/" + name))
                outputs[index]["bytes"] = bytes.count
                outputs[index]["sha256"] = SHA256.hash(data: bytes).hexString
                object["outputs"] = outputs
                try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
                return
            }
        }
    }
}
