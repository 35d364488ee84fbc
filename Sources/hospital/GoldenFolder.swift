import Foundation

/// Where the goldens are when no folder is given: `GOLDEN_DIR`, else the nearest `Golden/`
/// above the working folder, else above the executable (a build under `.build/` sits in the
/// repository), so `hospital verify` works from any folder.
enum GoldenFolder {
    static func find(explicit: String?, profile: String, environment: [String: String]) -> String {
        if let explicit { return explicit }
        if let folder = environment["GOLDEN_DIR"] { return folder }
        let manifest = "/" + profile + "/MANIFEST.tsv"
        let starts = [FileManager.default.currentDirectoryPath, executableFolder()].compactMap { $0 }
        for start in starts {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = folder.path + "/Golden"
                if FileManager.default.fileExists(atPath: candidate + manifest) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return "Golden"
    }

    private static func executableFolder() -> String? {
        guard let path = Bundle.main.executablePath else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}
