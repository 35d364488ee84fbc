import Foundation
import HospitalCore
import HospitalLake
import Logging

/// Fixtures the core and lake tests share: the repository's configs found from this file, small worlds by seed, temp lakes.
public enum TestWorld {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    public static var configDirectory: String { repository + "/configs" }

    public static let config: HospitalConfig = try! HospitalConfig.load(from: configDirectory)

    /// A world of the golden profile's size, optionally over a shorter or longer calendar.
    public static func world(seed: UInt64, days: Int = 14, profile: Profile = .golden) throws -> HospitalWorld {
        let calendar = SimCalendar(start: Profile.fullCalendar.start, end: Profile.fullCalendar.start.adding(days: days - 1))
        return try HospitalWorld(config: config, profile: profile.with(calendar: calendar), seed: seed)
    }

    public static func temporaryDirectory(_ name: String = #function) -> String {
        TemporaryFolder.make("hospital-test-" + name.filter(\.isLetter))
    }

    /// A logger that shows only `level` and above, so a suite's output stays readable.
    public static func logger(_ label: String, level: Logger.Level) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }

    public static let seeds: [UInt64] = [1, 2, 3, 42, 20_221_120, 987_654_321]
}
