import Foundation
import HospitalCore

/// The ingestor's view of the lake: the files that wait for it in `batch/` and `stream/`,
/// and every read, move and removal it makes there. It decides nothing; the ingestor's
/// peers decide, and come here to touch the disk. Entries are looked at with `lstat` and
/// read with `O_NOFOLLOW` (`LakeEntry`), so no link is ever followed.
public struct Inbox: Sendable {
    /// A file the ingestor owns, where it lies now.
    public struct Entry: Sendable, Equatable {
        public let file: IngestFile
        public let path: String
    }

    /// An entry of an owned folder that has no owner or no regular shape, with why.
    public struct Stranger: Sendable, Equatable {
        public let path: String
        public let problem: InputProblem
        public let reason: String
    }

    public let layout: LakeLayout
    public let topics: KafkaConfig.Topics
    public let quarantine: Quarantine

    public init(layout: LakeLayout, topics: KafkaConfig.Topics) {
        self.layout = layout
        self.topics = topics
        quarantine = Quarantine(layout: layout, service: "batch-ingestor")
    }

    /// The topic folders the ingestor reads, each only when it is a real folder: a link in its
    /// place is a stranger, never followed.
    var streamFolders: [(topic: String, path: String)] {
        [topics.transport, topics.transfers, topics.summary].map { ($0, layout.stream + "/" + $0) }
            .filter { LakeEntry.kind($0.path) == .directory }
    }

    /// Regular batch files the ingestor owns and every regular landed chunk, in load order
    /// (dimensions first, then by date and name).
    public func waiting() -> [Entry] {
        var found = LakeFolders.names(in: layout.batch).compactMap { name in
            IngestFile(name: name).map { Entry(file: $0, path: layout.batch + "/" + name) }
        }
        for (topic, folder) in streamFolders {
            for name in LakeFolders.names(in: folder) {
                if let file = IngestFile(name: name, topic: topic, topics: topics) {
                    found.append(Entry(file: file, path: folder + "/" + name))
                }
            }
        }
        return found.filter { LakeEntry.kind($0.path) == .regular }.sorted {
            ($0.file.kind, $0.file.date?.dayNumber ?? 0, $0.file.name) < ($1.file.kind, $1.file.date?.dayNumber ?? 0, $1.file.name)
        }
    }

    /// Entries of `batch/` and the stream folders that nobody owns or that are not regular
    /// files: they would wait forever, so they go to failed/ by name, never opened.
    public func strangers() -> [Stranger] {
        var found: [Stranger] = []
        func look(_ path: String, known: Bool, nameReason: String) {
            let kind = LakeEntry.kind(path)
            if kind == .missing || (known && kind == .regular) { return }
            found.append(
                kind == .regular
                    ? Stranger(path: path, problem: .strangeName, reason: nameReason)
                    : Stranger(path: path, problem: .notRegular, reason: "\(kind.noun), not a regular file"))
        }
        for name in LakeFolders.names(in: layout.batch) {
            look(
                layout.batch + "/" + name, known: IngestFile(name: name) != nil || OutboxFile(entry: name) != nil,
                nameReason: "not a lake file name")
        }
        for topic in [topics.transport, topics.transfers, topics.summary] {
            let path = layout.stream + "/" + topic
            let kind = LakeEntry.kind(path)
            if kind != .directory, kind != .missing {
                found.append(Stranger(path: path, problem: .notRegular, reason: "\(kind.noun), not a folder: never followed"))
            }
        }
        for (topic, folder) in streamFolders {
            for name in LakeFolders.names(in: folder) {
                look(
                    folder + "/" + name, known: IngestFile(name: name, topic: topic, topics: topics) != nil,
                    nameReason: "not a stream file name")
            }
        }
        return found
    }

    /// The file's bytes, or nil when it was moved or replaced by something else since it was listed.
    public func read(_ path: String) -> [UInt8]? { try? LakeEntry.read(path) }

    /// The entry's size and modification time (nil when it cannot be looked at): what tells an
    /// unchanged landed chunk from a rewritten one without reading it.
    public func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    /// Moves loaded batch files (and reports) to processed/, with one pair of folder syncs. A
    /// name no longer in batch/ was moved by another worker, which saw it loaded too.
    public func archive(_ names: [String]) throws {
        let present = names.filter { LakeEntry.kind(layout.batch + "/" + $0) != .missing }
        guard !present.isEmpty else { return }
        try layout.move(batchFiles: present, to: layout.processed)
    }

    /// Names in processed/ that the ingestor owns and `isLedgered` does not know: a commit
    /// the server lost. They are moved back to batch/ (where none of that name waits) to load
    /// again; returns the names moved.
    public func returnUnledgered(_ isLedgered: (String) -> Bool) throws -> [String] {
        var moved: [String] = []
        for name in LakeFolders.names(in: layout.processed) {
            guard let file = IngestFile(name: name), file.kind != .report, !isLedgered(name),
                LakeEntry.kind(layout.processed + "/" + name) == .regular, LakeEntry.kind(layout.batch + "/" + name) == .missing
            else { continue }
            guard rename(layout.processed + "/" + name, layout.batch + "/" + name) == 0 else {
                if errno == ENOENT { continue }  // moved back by another ingestor starting beside this one
                throw LakeError.io(path: layout.processed + "/" + name, operation: "rename to batch/", code: errno)
            }
            moved.append(name)
        }
        if !moved.isEmpty {
            LakeFolders.sync(layout.batch)
            LakeFolders.sync(layout.processed)
        }
        return moved
    }

    /// Where a scheduler output named `name` is now, if anywhere.
    public func isAnywhere(_ name: String) -> Bool {
        [layout.batch, layout.processed, layout.failed].contains { LakeEntry.kind($0 + "/" + name) != .missing }
            || LakeEntry.kind(quarantine.reportPath(of: name)) != .missing
    }

    public func isInBatch(_ name: String) -> Bool { LakeEntry.kind(layout.batch + "/" + name) != .missing }
}

/// A file's size and modification time in nanoseconds, as lstat gives them.
public struct FileStamp: Equatable, Sendable {
    public let size: Int
    public let modified: Int
}
