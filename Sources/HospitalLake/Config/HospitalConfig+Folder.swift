import Foundation
import HospitalCore

extension HospitalConfig {
    /// Loads and cross-checks the config folder `directory` (docs/architecture.md §Configuration).
    public static func load(from directory: String) throws -> HospitalConfig {
        try load(from: directory) { FileManager.default.contents(atPath: $0) }
    }
}
