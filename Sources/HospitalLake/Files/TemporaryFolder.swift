import Foundation
import HospitalCore

/// A new empty folder under the system's temporary directory (mkdtemp), for throwaway lakes:
/// tests, benchmarks and one-off runs.
public enum TemporaryFolder {
    public static func make(_ prefix: String) -> String {
        var template = Array((NSTemporaryDirectory() + prefix + "-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }
}
