import Foundation
import HospitalCore

/// Why a lake file or folder could not be read, written or moved: the path and the system's reason.
public enum LakeError: Error, CustomStringConvertible {
    case io(path: String, operation: String, code: Int32)
    case badState(path: String, reason: String)
    /// A scheduler state this run cannot trust (`ResumeCheck`), or not a state at all.
    case refusedState(path: String, reason: String)
    /// Another scheduler (or `hospital simulate`) writes this lake.
    case locked(path: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let code): return "\(operation) \(path): \(String(cString: strerror(code)))"
        case .badState(let path, let reason): return "\(path): \(reason)"
        case .refusedState(let path, let reason): return "\(path): \(reason)"
        case .locked(let path): return "\(path) is held by another scheduler or simulate on this lake; one writes a lake at a time"
        }
    }

    /// The disk (or the lake's quota) is full: a condition to wait out, not a bad file.
    public var isDiskFull: Bool {
        if case .io(_, _, let code) = self { return code == ENOSPC || code == EDQUOT }
        return false
    }
}
