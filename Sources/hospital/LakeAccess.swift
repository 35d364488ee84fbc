import ArgumentParser
import Foundation
import HospitalCore
import HospitalLake

/// A service that cannot write the lake stops at start with one line naming the folder and
/// exit 1, instead of failing at its first move or quarantine, perhaps hours later, after
/// doing work it then cannot record.
enum LakeAccess {
    /// Creates the lake's folders and checks that `folders` (lake-relative, "" for the root)
    /// take a new file: a probe is created and removed in each.
    static func open(_ layout: LakeLayout, writing folders: [String]) throws {
        do {
            try LakeFolders.create(layout)
        } catch let error as LakeError {
            // A root that cannot be a folder (under a file, a file itself) is a wrong setting,
            // not a lake failing: one line naming it, exit 2.
            if case .io(let path, _, _) = error, !path.hasPrefix(layout.root + "/") {
                throw ExitStatus.configuration("lake \(layout.root) (--lake or LAKE_PATH): \(error)")
            }
            if case .badState(let path, _) = error, path == layout.root {
                throw ExitStatus.configuration("lake \(layout.root) (--lake or LAKE_PATH): \(error)")
            }
            throw ExitStatus.lake("\(error)")
        }
        for folder in folders {
            // A `.tmp` name, which no service lists, so a copy starting beside this one never sees it.
            let path = (folder.isEmpty ? layout.root : layout.path(folder)) + "/.write-probe-\(getpid()).tmp"
            let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw ExitStatus.lake("cannot write \(folder.isEmpty ? layout.root : layout.path(folder)): \(reason)")
            }
            close(descriptor)
            unlink(path)
        }
    }
}
