import Foundation
import HospitalCore
import HospitalLake

/// The commands appended to a file since the last look: `hospital broker --fault-file`
/// follows it, so another process steers the faults with `echo down >> FILE`. Only whole
/// lines count; a line still being written waits for its newline.
public struct BrokerFaultFeed {
    let path: String
    private var consumed = 0

    public init(path: String) { self.path = path }

    /// Lines completed since the last call, each as written (a line that names no fault is
    /// returned too, for the caller to report).
    public mutating func newLines() -> [String] {
        guard LakeEntry.kind(path) == .regular, let bytes = try? LakeEntry.read(path), bytes.count > consumed else { return [] }
        guard let end = bytes.lastIndex(of: UInt8(ascii: "\n")), end >= consumed else { return [] }
        let lines = bytes[consumed..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        consumed = end + 1
        return lines.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
