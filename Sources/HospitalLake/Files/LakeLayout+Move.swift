import Foundation
import HospitalCore

extension LakeLayout {
    /// Moves `batch/<name>` into `folder` by rename (never a copy) and makes the move durable.
    public func move(batchFile name: String, to folder: String) throws {
        try move(batchFiles: [name], to: folder)
    }

    /// Moves several files with one pair of folder syncs: a sync costs milliseconds, and
    /// the producer moves hundreds of small files at a time. A crash before the syncs
    /// leaves some files in batch/, which is where they were before the move.
    public func move(batchFiles names: [String], to folder: String) throws {
        for name in names {
            guard rename(batch + "/" + name, folder + "/" + name) == 0 else {
                throw LakeError.io(path: batch + "/" + name, operation: "rename to \(relative(folder))/", code: errno)
            }
        }
        LakeFolders.sync(folder)
        LakeFolders.sync(batch)
    }
}
