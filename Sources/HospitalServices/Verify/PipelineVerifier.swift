import Crypto
import Foundation
import HospitalCore
import HospitalLake
import HospitalWarehouse

/// The end-to-end checks, one verdict each: flags, state, the lake against the profile's
/// golden manifest, every outbox event landed and loaded exactly once, warehouse counts
/// equal to lake counts, nothing failed, nothing left behind. Odd entries (links, FIFOs,
/// unreadable files) are named in a verdict, never followed and never a crash.
public struct PipelineVerifier {
    public struct Check: Sendable {
        /// Short and fixed, for a script to pick the check by; the name may carry counts.
        public let id: String
        public let name: String
        public let passed: Bool
        public let detail: String
        public var line: String { VerdictLine.format(passed: passed, id: id, name + (detail.isEmpty ? "" : " (\(detail))")) }
    }

    let layout: LakeLayout
    let calendar: SimCalendar
    let config: HospitalConfig
    let schemas: WarehouseSchemas

    public init(layout: LakeLayout, calendar: SimCalendar, config: HospitalConfig, schemas: WarehouseSchemas) {
        self.layout = layout
        self.calendar = calendar
        self.config = config
        self.schemas = schemas
    }

    public func lakeChecks(goldenProblems: [String]) throws -> [Check] {
        var checks: [Check] = []
        let setup = LakeFlag.Setup.allCases.filter { !LakeFolders.exists(layout.path(LakeFlag.setup($0).path)) }
        checks.append(
            Check(
                id: "setup flags", name: "all 5 setup flags", passed: setup.isEmpty, detail: setup.map(\.rawValue).joined(separator: ", ")))
        let sessions = 1...config.clinical.sessionsPerDay
        let flags = calendar.dates.flatMap { DayWriter.flags(for: $0, calendar: calendar, sessions: sessions) }
        let missing = flags.filter { !LakeFolders.exists(layout.path($0)) }
        checks.append(
            Check(
                id: "daily flags", name: "every daily flag (\(flags.count))", passed: missing.isEmpty,
                detail: missing.prefix(3).joined(separator: ", ")))
        let unreadable = (LakeFlag.Setup.allCases.map { LakeFlag.setup($0).path } + flags).filter { flag in
            LakeEntry.kind(layout.path(flag)) != .missing && !Self.isManifest(layout.path(flag))
        }
        checks.append(
            Check(
                id: "flag manifests", name: "every flag is a readable manifest", passed: unreadable.isEmpty,
                detail: unreadable.prefix(3).joined(separator: ", ")))
        let odd = [layout.batch, layout.processed, layout.failed].flatMap { folder in
            Self.names(folder).filter { LakeEntry.kind(folder + "/" + $0) != .regular }.map { layout.relative(folder + "/" + $0) }
        }
        checks.append(
            Check(
                id: "regular files", name: "every lake entry is a regular file", passed: odd.isEmpty,
                detail: odd.prefix(3).map { EscapedText.of($0) }.joined(separator: ", ")))
        let (state, note) = SchedulerState.recover(from: layout)
        checks.append(
            Check(
                id: "state", name: "state \(calendar.end) complete",
                passed: state?.currentDate == calendar.end && state?.status == .complete,
                detail: (state.map { "\($0.currentDate) \($0.status.rawValue)" } ?? "no state") + (note.map { "; " + $0 } ?? "")))
        checks.append(
            Check(
                id: "golden", name: "lake equals the golden manifest", passed: goldenProblems.isEmpty,
                detail: goldenProblems.prefix(3).joined(separator: "; ")))
        let failed = Self.names(layout.failed)
        checks.append(
            Check(
                id: "failed", name: "no file in failed/", passed: failed.isEmpty,
                detail: failed.prefix(3).map { EscapedText.of($0) }.joined(separator: ", ")))
        let left = Self.names(layout.batch)
        checks.append(
            Check(
                id: "batch", name: "nothing left in batch/", passed: left.isEmpty,
                detail: "\(left.count) files" + (left.first.map { ", first \(EscapedText.of($0))" } ?? "")))
        return checks
    }

    static func names(_ folder: String) -> [String] {
        LakeFolders.names(in: folder)
    }

    /// The bytes of a regular file; nil for anything else (never followed through a link).
    static func contents(_ path: String) -> [UInt8]? {
        LakeEntry.kind(path) == .regular ? try? LakeEntry.read(path) : nil
    }

    static func isManifest(_ path: String) -> Bool {
        guard let bytes = contents(path), let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        else { return false }
        return object["step"] is String && object["outputs"] is [[String: Any]]
    }

    /// Every outbox file against the flag that lists it, for any seed: in batch/ or
    /// processed/, with the rows, bytes and SHA-256 its flag lists, and no outbox file that no
    /// flag lists. With `streamCheck` (stream/ holds exactly the events the outbox files
    /// encode) it follows that what landed is what the flags promised, even when the producer
    /// published a file edited after the scheduler wrote it.
    public func outboxCheck() -> Check {
        var flags = FlagCover(layout: layout)
        var listed = Set<String>()
        var problems: [String] = []
        for flag in flags.flags() where flag.listsOutbox {
            for (path, promised) in (flags.outputs(of: flag) ?? [:]).sorted(by: { $0.key < $1.key }) {
                let name = String(path.split(separator: "/").last ?? "")
                guard let file = OutboxFile(name: name) else { continue }
                listed.insert(name)
                guard let folder = [layout.batch, layout.processed].first(where: { Self.contents($0 + "/" + name) != nil }),
                    let bytes = Self.contents(folder + "/" + name)
                else {
                    problems.append("\(path) is in neither batch/ nor processed/")
                    continue
                }
                let sha256 = SHA256.hash(data: bytes).hexString
                guard sha256 != promised.sha256 || bytes.count != (promised.bytes ?? bytes.count) else { continue }
                let rows = (try? EventEncoder.events(file, bytes: bytes).count).map { "\($0) rows, " } ?? ""
                problems.append(
                    "\(layout.relative(folder + "/" + name)) has \(rows)\(bytes.count) bytes, SHA-256 \(sha256); \(flag.path) lists "
                        + "\(promised.rows) rows, \(promised.bytes.map { "\($0) bytes, " } ?? "")SHA-256 \(promised.sha256)")
            }
        }
        for folder in [layout.batch, layout.processed] {
            for name in Self.names(folder) where OutboxFile(name: name) != nil && !listed.contains(name) {
                problems.append("\(layout.relative(folder + "/" + name)) is listed by no flag")
            }
        }
        return Check(
            id: "outbox", name: "every outbox file as its flag lists it (rows, bytes, SHA-256)", passed: problems.isEmpty,
            detail: problems.prefix(3).map { EscapedText.of($0) }.joined(separator: "; "))
    }

    /// Outbox events (from the outbox files, wherever they are) against the landed stream lines.
    public func streamCheck() throws -> (Check, expected: [OutboxFile.Kind: Int]) {
        var expected: [String: [UInt8]] = [:]
        var perKind: [OutboxFile.Kind: Int] = [:]
        var unreadable: [String] = []
        for folder in [layout.batch, layout.processed] {
            for name in Self.names(folder) {
                guard let file = OutboxFile(entry: name), let bytes = Self.contents(folder + "/" + name) else { continue }
                let events: OutboxEvents
                do {
                    events = try EventEncoder.events(file, bytes: bytes)
                } catch {
                    unreadable.append("\(layout.relative(folder + "/" + name)) \(error)")
                    continue
                }
                for event in events {
                    expected[event.id.description] = event.value
                    perKind[file.kind, default: 0] += 1
                }
            }
        }
        var seen: [String: Int] = [:]
        var wrong = 0
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: layout.stream)) ?? [] where path.hasSuffix(".json") {
            let bytes = Self.contents(layout.stream + "/" + path) ?? []
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let id = String(decoding: line.dropFirst("{\"event_id\":\"".count).prefix(36), as: UTF8.self)
                seen[id, default: 0] += 1
                if expected[id] != Array(line) { wrong += 1 }
            }
        }
        let missing = expected.keys.filter { seen[$0] == nil }.count
        let twice = seen.values.filter { $0 > 1 }.count
        let check = Check(
            id: "stream", name: "every outbox event in stream/ exactly once (\(expected.count))",
            passed: missing == 0 && twice == 0 && wrong == 0 && unreadable.isEmpty,
            detail: (missing + twice + wrong == 0 ? "" : "\(missing) missing, \(twice) more than once, \(wrong) not as encoded")
                + (unreadable.first.map { "; unreadable outbox \($0)" } ?? ""))
        return (check, perKind)
    }

    /// Warehouse rows against the lake's rows, table by table.
    public func warehouseChecks(_ connection: PQConnection, events: [OutboxFile.Kind: Int]) throws -> [Check] {
        func count(_ table: String, _ schema: WarehouseTable.Schema, distinct column: String = "*") throws -> Int {
            let what = column == "*" ? "count(*)" : "count(DISTINCT \(column))"
            return Int(try connection.execute("SELECT \(what) FROM \(schemas.qualified(schema, table))").firstValue ?? "") ?? -1
        }
        let visits = try csvRows(.visitors)
        let staffIDs = Set(try csvRows(.staff).map { $0[0] } + csvRows(.staffActive).map { $0[1] })
        let pairs: [(String, Int, Int)] = [
            ("staff", try count("staff", .operations), staffIDs.count),
            ("reserve_pool", try count("reserve_pool", .operations), try csvRows(.reserve).count),
            ("staff_snapshots", try count("staff_snapshots", .operations), try csvRows(.staffActive).count),
            ("schedules", try count("schedules", .operations), try csvRows(.schedules).count),
            ("visits", try count("visits", .admissions), visits.count),
            ("patients", try count("patients", .admissions), Set(visits.map { $0[1] }).count),
            ("admissions", try count("admissions", .admissions), try csvRows(.admissions).count),
            ("transports", try count("transports", .transport), events[.transport] ?? 0),
            ("transfers", try count("transfers", .transfers), events[.transfers] ?? 0),
            ("daily_summaries", try count("daily_summaries", .summary), events[.dailySummary] ?? 0),
        ]
        let off = pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) vs \($0.2)" }
        var checks = [
            Check(
                id: "warehouse counts", name: "warehouse counts equal lake counts (\(pairs.count) tables)", passed: off.isEmpty,
                detail: off.joined(separator: ", ")
            )
        ]
        let distinct = [
            ("transports", try count("transports", .transport, distinct: "event_id"), events[.transport] ?? 0),
            ("transfers", try count("transfers", .transfers, distinct: "event_id"), events[.transfers] ?? 0),
        ]
        let wrong = distinct.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) vs \($0.2)" }
        checks.append(
            Check(
                id: "warehouse events", name: "every outbox event in the warehouse exactly once", passed: wrong.isEmpty,
                detail: wrong.joined(separator: ", ")))
        return checks
    }

    private func csvRows(_ kind: IngestFile.Kind) throws -> [[String]] {
        var rows: [[String]] = []
        for folder in [layout.batch, layout.processed] {
            for name in Self.names(folder) {
                guard let file = IngestFile(name: name), file.kind == kind, let columns = kind.columns,
                    let bytes = Self.contents(folder + "/" + name)
                else { continue }
                do {
                    rows += try CSVReader.parse(bytes, expecting: columns).rows
                } catch {
                    throw LakeError.badState(path: layout.relative(folder + "/" + name), reason: "\(error)")
                }
            }
        }
        return rows
    }
}
