import Foundation
import HospitalTestSupport
import Testing

@Suite struct RepositoryTests {
    /// tree.txt is the repository's map in review; it must list what is really there.
    @Test func treeListingIsCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestWorld.repository + "/ci/tree.sh", "--check"]
        process.currentDirectoryURL = URL(fileURLWithPath: TestWorld.repository)
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
    }

    /// Only the wrapper targets may import C modules (docs/architecture.md §C modules).
    @Test func onlyWrapperTargetsImportCModules() throws {
        let sources = TestWorld.repository + "/Sources"
        let walker = FileManager.default.enumerator(atPath: sources)!
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            let importsC = text.split(separator: "\n").contains { $0.hasPrefix("import C") && !$0.hasPrefix("import Crypto") }
            if importsC {
                let allowed = ["HospitalArchive/", "HospitalKafka/", "HospitalWarehouse/"]
                #expect(allowed.contains { path.hasPrefix($0) }, "\(path) imports a C module")
            }
        }
    }

    /// The core computes; `HospitalLake` and the services touch the file system
    /// (docs/architecture.md §Pure core and wrappers). A file call in the core fails here.
    @Test func theCoreOpensNoFile() throws {
        let calls = [
            "FileManager", "FileHandle", "fopen(", "open(", "fsync(", "rename(", "unlink(", "mkdtemp(", "contentsOfFile",
            "contentsOf: URL", "NSTemporaryDirectory", "ProcessInfo", "getenv(",
        ]
        let problems = try Self.occurrences(of: calls, under: "Sources/HospitalCore")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Lake file names are spelled by one grammar (docs/lake.md §Files): a prefix or suffix
    /// literal anywhere else in Sources is a second spelling that can drift from it.
    @Test func lakeNamesAreSpelledOnlyByTheirGrammar() throws {
        let prefixes = [
            "staff_active_", "workforce_summary_", "schedules_", "daily_visitors_", "hospital_emergency_transport_",
            "hospital_transfers_", "admissions_", "hospital_summary_", "daily_summary_", "visitors_", "transport_", "transfers_",
        ]
        let whole = [
            "people_data.csv", "population_with_illnesses.csv", "staff_data.csv", "reserve_pool.csv", "scheduler_state.json",
            ".flag", ".error.json", ".set-aside.jsonl", ".gap", "_session_",
        ]
        let spellings = prefixes.flatMap { ["\"\($0)\"", "\"\($0)\\("] } + whole.map { "\"\($0)" }
        let grammar = ["HospitalCore/Lake/LakeFileName", "HospitalCore/Lake/LakeFlag.swift", "HospitalCore/Lake/StreamChunkName.swift"]
        let problems = try Self.occurrences(of: spellings, under: "Sources", except: grammar)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The services decide and `HospitalLake` touches the disk
    /// (docs/architecture.md §The ingestor's peers): a file call in a service fails here.
    @Test func servicesLeaveFileSystemCallsToTheLake() throws {
        let call = try NSRegularExpression(pattern: #"(?<![\w.])(rename|unlink|lstat|open)\("#)
        let problems = try Self.occurrences(of: ["rename(", "unlink(", "lstat(", "open("], under: "Sources/HospitalServices") { line in
            let text = String(line)
            return !text.contains("func ") && call.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Lines of Swift files under `folder` (outside comments and the `except` path prefixes,
    /// relative to Sources/) that contain one of `needles` and that `matches` accepts.
    static func occurrences(
        of needles: [String], under folder: String, except: [String] = [], where matches: (Substring) -> Bool = { _ in true }
    ) throws -> [String] {
        let root = TestWorld.repository + "/" + folder
        let sources = TestWorld.repository + "/Sources/"
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)!
        while let path = walker.nextObject() as? String {
            let relative = String((root + "/" + path).dropFirst(sources.count))
            guard path.hasSuffix(".swift"), !except.contains(where: { relative.hasPrefix($0) }) else { continue }
            let lines = try String(contentsOfFile: root + "/" + path, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && matches(line) {
                for needle in needles where line.contains(needle) {
                    found.append("\(relative):\(index + 1) has \(needle)")
                }
            }
        }
        return found.sorted()
    }

    /// Every `docs/<file>.md` reference in a tracked file names a file of docs/, and a
    /// ` §<heading>` after it is the exact text of one of that file's `##` or `###` headings.
    @Test func docsReferencesResolve() throws {
        var cache: [String: [String]?] = [:]
        func headings(_ name: String) -> [String]? {
            if let known = cache[name] { return known }
            let found = Self.headings(ofDocument: name)
            cache[name] = .some(found)
            return found
        }
        var problems: [String] = []
        for (path, lines) in try Self.trackedTextFiles() {
            for (index, line) in lines.enumerated() {
                for (name, rest) in Self.docsReferences(in: line) {
                    let place = "\(path):\(index + 1)"
                    guard let known = headings(name) else {
                        problems.append("\(place): docs/\(name).md does not exist")
                        continue
                    }
                    guard let rest else { continue }
                    let resolves = known.contains { heading in
                        rest.hasPrefix(heading) && (rest.dropFirst(heading.count).first.map { !$0.isLetter && !$0.isNumber } ?? true)
                    }
                    if !resolves { problems.append("\(place): docs/\(name).md has no heading '\(rest.prefix(60))'") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The project stands alone: outside docs/, no tracked file cites the documents that were
    /// never part of it. (The names are split so that this file does not cite them.)
    @Test func nothingCitesDocumentsOutsideTheRepository() throws {
        let retired = ["DESIGN" + " §", "DESIGN" + ".md", "REFERENCE" + ".md", "STYLE" + ".md"]
        var problems: [String] = []
        for (path, lines) in try Self.trackedTextFiles() where !path.hasPrefix("docs/") {
            for (index, line) in lines.enumerated() {
                for name in retired where line.contains(name) {
                    problems.append("\(path):\(index + 1): cites \(name); point it to a section of docs/ instead")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The text files git tracks, as (path, lines); binary files (a NUL byte, or not UTF-8)
    /// and files missing from the work tree are skipped.
    static func trackedTextFiles() throws -> [(path: String, lines: [Substring])] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "ls-files", "-z"]
        process.currentDirectoryURL = URL(fileURLWithPath: TestWorld.repository)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let listing = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git ls-files failed")
        var files: [(path: String, lines: [Substring])] = []
        for entry in listing.split(separator: 0) {
            let path = String(decoding: entry, as: UTF8.self)
            guard let data = FileManager.default.contents(atPath: TestWorld.repository + "/" + path), !data.contains(0),
                let text = String(data: data, encoding: .utf8)
            else { continue }
            files.append((path, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        #expect(files.count > 100, "git ls-files listed \(files.count) text files")
        return files
    }

    /// The `docs/<name>.md` references of a line, each with the text after its ` §`, if any.
    /// A `docs/` inside a longer path (`x/docs/`) is not one.
    static func docsReferences(in line: Substring) -> [(name: String, rest: Substring?)] {
        var found: [(name: String, rest: Substring?)] = []
        var searchFrom = line.startIndex
        while let start = line[searchFrom...].range(of: "docs/") {
            searchFrom = start.upperBound
            if start.lowerBound > line.startIndex {
                let before = line[line.index(before: start.lowerBound)]
                if before.isLetter || before.isNumber || "/._-".contains(before) { continue }
            }
            let name = line[start.upperBound...].prefix { $0.isLetter || $0.isNumber || "_-".contains($0) }
            let after = line[name.endIndex...]
            guard !name.isEmpty, after.hasPrefix(".md") else { continue }
            let tail = after.dropFirst(3)
            found.append((String(name), tail.hasPrefix(" §") ? tail.dropFirst(2) : nil))
        }
        return found
    }

    /// The `##` and `###` headings of docs/<name>.md, nil when it does not exist.
    static func headings(ofDocument name: String) -> [String]? {
        guard let text = try? String(contentsOfFile: TestWorld.repository + "/docs/" + name + ".md", encoding: .utf8) else {
            return nil
        }
        return text.split(separator: "\n").compactMap { line in
            for marker in ["## ", "### "] where line.hasPrefix(marker) {
                return line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }
}
