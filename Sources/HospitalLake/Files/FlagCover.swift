import Foundation
import HospitalCore

/// The flag that covers each batch file, and what it says the file holds: the scheduler
/// writes a flag only after its outputs are durable, with their rows and SHA-256, so a file
/// that differs from its flag was cut, edited or replaced on the way. The ingestor and the
/// producer both ask it before a file's rows go anywhere.
public struct FlagCover: Sendable {
    /// What the flag says of one file.
    public struct Listed: Equatable, Sendable {
        public let rows: Int
        /// Nil in a manifest that leaves it out; the SHA-256 decides anyway.
        public let bytes: Int?
        public let sha256: String
    }

    public enum Verdict: Equatable, Sendable {
        case listed(Listed)
        /// No flag yet, and the scheduler has not finished the step that writes it.
        case notYet
        /// The step is over and no flag lists the file: it did not come from the scheduler.
        case never(String)
    }

    public let layout: LakeLayout
    /// Flags are written once; each is parsed once.
    private var parsed: [LakeFlag: [String: Listed]] = [:]

    public init(layout: LakeLayout) { self.layout = layout }

    /// What became of a file's check against its flag.
    public enum Check: Equatable, Sendable {
        case matches
        /// No flag yet, and the step that writes it is not over: the file waits.
        case notYet
        /// Refused, with the reason a quarantine report gives.
        case refused(String)
    }

    /// Checks a batch file's bytes (`rows` of data, when counted) against its flag.
    public mutating func check(_ name: String, bytes: [UInt8], sha256: String, rows: Int?, state: SchedulerState?) -> Check {
        switch verdict(for: name, state: state) {
        case .notYet:
            return .notYet
        case .never(let why):
            return .refused("no flag lists this file: \(why)")
        case .listed(let listed):
            guard listed.sha256 != sha256 else { return .matches }
            let have = rows.map { "\($0) rows, " } ?? ""
            let flag = LakeFileName(name: name)?.coveringFlag?.path ?? "its flag"
            return .refused(
                "differs from its flag: the file has \(have)\(bytes.count) bytes, SHA-256 \(sha256); \(flag) lists "
                    + "\(listed.rows) rows, SHA-256 \(listed.sha256)")
        }
    }

    public mutating func verdict(for name: String, state: SchedulerState?) -> Verdict {
        guard let flag = LakeFileName(name: name)?.coveringFlag else { return .never("no flag covers this name") }
        if let outputs = outputs(of: flag) {
            guard let listed = outputs["batch/" + name] else { return .never("\(flag.path) does not list it") }
            return .listed(listed)
        }
        switch arrival(of: flag, state: state) {
        case .never(let why): return .never(why)
        case .mayStillCome: return .notYet
        case .arrived:  // since `outputs` looked (flags are written whole), or there and no manifest
            return outputs(of: flag) == nil ? .never("\(flag.path) is not a readable manifest") : verdict(for: name, state: state)
        }
    }

    /// Whether `flag` is there, may still come, or never will (`FlagArrival`).
    public func arrival(of flag: LakeFlag, state: SchedulerState?) -> FlagArrival {
        FlagArrival.of(flag, present: { LakeEntry.kind(layout.path(flag.path)) == .regular }, state: state) {
            FlagArrival.later(than: flag, in: flags())
        }
    }

    /// Every output a flag lists, by lake-relative path; nil while the flag is not there.
    public mutating func outputs(of flag: LakeFlag) -> [String: Listed]? {
        if let known = parsed[flag] { return known }
        guard LakeEntry.kind(layout.path(flag.path)) == .regular, let bytes = try? LakeEntry.read(layout.path(flag.path)),
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
            let outputs = object["outputs"] as? [[String: Any]]
        else { return nil }
        var listed: [String: Listed] = [:]
        for output in outputs {
            guard let file = output["file"] as? String, let rows = output["rows"] as? Int, let sha256 = output["sha256"] as? String
            else { continue }
            listed[file] = Listed(rows: rows, bytes: output["bytes"] as? Int, sha256: sha256)
        }
        parsed[flag] = listed
        return listed
    }

    /// Flag files present now, in name order (setup flags first).
    public func flags() -> [LakeFlag] {
        var found: [LakeFlag] = []
        for folder in [layout.setupFlags, layout.dailyFlags] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                if case .flag(let flag) = LakeFileName(name: name) { found.append(flag) }
            }
        }
        return found
    }
}
