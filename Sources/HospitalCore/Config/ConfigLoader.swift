import Foundation

/// Decodes one JSON config file into a `Decodable`, turning every failure into a one-line
/// `ConfigError` that names the file and the key. The bytes come from the caller, so the
/// core never opens a file (`HospitalLake` reads the config folder).
public enum ConfigLoader {
    /// `data` is nil when the file could not be read.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data?, path: String) throws -> T {
        guard let data else {
            throw ConfigError(file: path, key: "", expected: "file is missing or unreadable")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw configError(error, path: path)
        } catch {
            throw ConfigError(file: path, key: "", expected: "valid JSON")
        }
    }

    static func configError(_ error: DecodingError, path: String) -> ConfigError {
        func keyPath(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
                .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .typeMismatch(let type, let context):
            return ConfigError(file: path, key: keyPath(context.codingPath), expected: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return ConfigError(file: path, key: keyPath(context.codingPath), expected: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return ConfigError(file: path, key: keyPath(context.codingPath + [key]), expected: "required key is missing")
        case .dataCorrupted(let context):
            return ConfigError(file: path, key: keyPath(context.codingPath), expected: "valid JSON (\(context.debugDescription))")
        @unknown default:
            return ConfigError(file: path, key: "", expected: "valid JSON")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}
