import HospitalCore

/// The lake's files by kind, as `LakeFileName` reads their names: what scripts ask for
/// (`hospital files`) instead of matching names themselves.
public struct LakeListing: Sendable {
    public let layout: LakeLayout

    public init(layout: LakeLayout) { self.layout = layout }

    /// The producer's outbox: what it publishes, and what the scheduler waits for, with the
    /// files a producer holds in flight (not yet published either).
    public static let outbox: Set<LakeFileName.Kind> = [.transport, .transfers, .dailySummary, .inFlight]

    /// Paths of the files of `kinds` in `folders` (lake-relative folder names), by name, then
    /// in the order of `folders`.
    public func paths(of kinds: Set<LakeFileName.Kind>, in folders: [String], date: SimDate? = nil) -> [String] {
        let found = folders.enumerated().flatMap { index, folder in
            LakeFolders.names(in: layout.path(folder)).filter { name in
                guard let parsed = LakeFileName(name: name), kinds.contains(parsed.kind) else { return false }
                return date == nil || parsed.date == date
            }.map { (name: $0, index: index, path: layout.path(folder) + "/" + $0) }
        }
        return found.sorted { ($0.name, $0.index) < ($1.name, $1.index) }.map(\.path)
    }

    /// The events outbox files imply: a row each for the CSVs, one a daily summary.
    public func events(in paths: [String]) throws -> Int {
        var events = 0
        for path in paths {
            guard let name = path.split(separator: "/").last.map(String.init), let file = OutboxFile(entry: name) else { continue }
            guard let columns = file.kind.columns else {
                events += 1
                continue
            }
            let bytes = try LakeEntry.read(path)
            do {
                events += try CSVReader.parse(bytes, expecting: columns).rows.count
            } catch {
                throw LakeError.badState(path: layout.relative(path), reason: "\(error)")
            }
        }
        return events
    }
}
