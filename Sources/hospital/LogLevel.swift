import Foundation
import HospitalCore
import Logging

/// The log level a person asks for: `--log-level L` anywhere on the command line, else
/// `LOG_LEVEL`, else info. swift-log is bootstrapped with it once, before any command makes
/// a logger, and librdkafka follows it (`KafkaSettings` maps it to librdkafka's `log_level`).
enum LogLevel {
    static let option = "--log-level"

    struct Invalid: Error, CustomStringConvertible {
        let source: String
        let value: String
        var description: String {
            "\(source): '\(EscapedText.of(value, limit: 40))' is not a log level (one of "
                + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        }
    }

    /// Takes `--log-level L` (or `--log-level=L`) out of `arguments`, so any subcommand
    /// accepts it, and returns the level.
    static func take(from arguments: inout [String], environment: [String: String]) throws -> Logger.Level {
        var chosen: (source: String, value: String)? = environment["LOG_LEVEL"].map { ("LOG_LEVEL", $0) }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.count {
                chosen = (option, arguments[index + 1])
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(option + "=") {
                chosen = (option, String(argument.dropFirst(option.count + 1)))
                arguments.remove(at: index)
            } else {
                index += 1
            }
        }
        guard let chosen else { return .info }
        guard let level = Logger.Level(rawValue: chosen.value.lowercased()) else {
            throw Invalid(source: chosen.source, value: chosen.value)
        }
        return level
    }

    static func bootstrap(_ level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)  // where swift-log writes by default
            handler.logLevel = level
            return handler
        }
    }
}
