import Foundation
import HospitalCore

extension LakeManifest {
    /// Every file under the lake root except the wall-clock `.health/`, the reports drawn
    /// from the warehouse (`.reports/`) and temporary files.
    public static func files(in layout: LakeLayout) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: layout.root) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            guard !path.hasPrefix(".health"), !path.hasPrefix(".reports"), !path.hasSuffix(".tmp") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: layout.path(path), isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public static func scan(_ layout: LakeLayout, header: String) throws -> LakeManifest {
        let paths = files(in: layout)
        let entries = try parallelMap(paths.count) { index in
            Result { try read(layout.path(paths[index])) }.map { entry(path: paths[index], data: $0) }
        }.map { try $0.get() }
        return LakeManifest(header: header, entries: entries)
    }

    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LakeError.io(path: path, operation: "read", code: errno)
        }
        return data
    }
}
