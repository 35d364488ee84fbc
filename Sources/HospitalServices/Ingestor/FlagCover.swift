import Foundation
import HospitalCore
import HospitalLake

/// The flag that covers each batch file the ingestor owns, and what it says the file holds:
/// the scheduler writes a flag only after its outputs are durable, with their rows and
/// SHA-256, so a file that differs from its flag was cut, edited or replaced on the way.
struct FlagCover {
    /// What the flag says of one file.
    struct Listed: Equatable {
        let rows: Int
        let sha256: String
    }

    enum Verdict: Equatable {
        case listed(Listed)
        /// No flag yet, and the scheduler has not finished the step that writes it.
        case notYet
        /// The step is over and no flag lists the file: it did not come from the scheduler.
        case never(String)
    }

    let layout: LakeLayout
    /// Flags are written once; each is parsed once.
    private var parsed: [String: [String: Listed]] = [:]

    init(layout: LakeLayout) { self.layout = layout }

    /// The flag (lake-relative) that lists a batch file, and the sim date after which the
    /// step writing it is over (nil for setup, over once the state exists).
    static func flag(for name: String, kind: IngestFile.Kind) -> (flag: String, date: SimDate?)? {
        func dated(_ prefix: String, _ suffix: String) -> SimDate? {
            guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
            return SimDate(iso: name.dropFirst(prefix.count).dropLast(suffix.count))
        }
        switch kind {
        case .staff, .reserve: return (LakeFlag.setup(.staff), nil)
        case .staffActive: return (LakeFlag.setup(.workforce), nil)
        case .schedules: return (LakeFlag.setup(.schedules), nil)
        case .visitors: return dated("daily_visitors_", ".csv").map { (LakeFlag.visitors($0), $0) }
        case .admissions: return dated("admissions_", ".csv").map { (LakeFlag.admissions($0), $0) }
        case .report:
            if dated("workforce_summary_", ".txt") != nil { return (LakeFlag.setup(.workforce), nil) }
            if let date = dated("hospital_summary_", ".txt") { return (LakeFlag.admissions(date), date) }
            guard let outbox = OutboxFile(name: String(name.dropLast(4)) + ".csv"), let session = outbox.session else { return nil }
            // A day's transfers are written on the next day.
            return outbox.kind == .transport
                ? (LakeFlag.transport(outbox.date, session: session), outbox.date)
                : (LakeFlag.transfers(outbox.date, session: session), outbox.date.adding(days: 1))
        case .transports, .transfers, .summaries: return nil
        }
    }

    mutating func verdict(for name: String, kind: IngestFile.Kind, state: SchedulerState?) -> Verdict {
        guard let (flag, date) = Self.flag(for: name, kind: kind) else { return .never("no flag covers this name") }
        if let outputs = outputs(of: flag) {
            guard let listed = outputs["batch/" + name] else { return .never("\(flag) does not list it") }
            return .listed(listed)
        }
        guard let state else { return .notYet }
        let over = state.status == .complete || date.map { $0 < state.currentDate } ?? true
        return over ? .never("\(flag) is missing although the scheduler is past that step") : .notYet
    }

    /// Every output a flag lists, by lake-relative path; nil while the flag is not there.
    mutating func outputs(of flag: String) -> [String: Listed]? {
        if let known = parsed[flag] { return known }
        guard LakeEntry.kind(layout.path(flag)) == .regular, let bytes = try? LakeEntry.read(layout.path(flag)),
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
            let outputs = object["outputs"] as? [[String: Any]]
        else { return nil }
        var listed: [String: Listed] = [:]
        for output in outputs {
            guard let file = output["file"] as? String, let rows = output["rows"] as? Int, let sha256 = output["sha256"] as? String
            else { continue }
            listed[file] = Listed(rows: rows, sha256: sha256)
        }
        parsed[flag] = listed
        return listed
    }

    /// Flag files present now, lake-relative, in name order.
    func flags() -> [String] {
        var found: [String] = []
        for folder in [layout.setupFlags, layout.dailyFlags] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where name.hasSuffix(".flag") {
                found.append(layout.relative(folder + "/" + name))
            }
        }
        return found
    }
}
