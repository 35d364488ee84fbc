import Foundation
import HospitalCore
import HospitalLake
import HospitalServices
import HospitalTestSupport
import Logging

/// Small worlds, temporary lakes and the reference lake `hospital simulate` writes, for the
/// scheduler, health and status tests.
enum SchedulerFixture {
    static let repository = TestWorld.repository
    static let config = TestWorld.config
    static let logger = TestWorld.logger("hospital-scheduler-tests", level: .error)

    /// The golden profile over its first `days` days.
    static func world(days: Int = 4, seed: UInt64 = 7) throws -> HospitalWorld {
        let start = Profile.golden.calendar.start
        let profile = Profile.golden.with(calendar: SimCalendar(start: start, end: start.adding(days: days - 1)))
        return try HospitalWorld(config: config, profile: profile, seed: seed)
    }

    static func lake(_ name: String = #function) -> LakeLayout {
        LakeLayout(root: TemporaryFolder.make("hospital-sched-" + name.filter(\.isLetter)))
    }

    static func manifest(_ layout: LakeLayout) throws -> LakeManifest { try LakeManifest.scan(layout, header: "#") }

    /// The lake of `hospital simulate` for the same world.
    static func simulated(_ world: HospitalWorld, _ name: String = #function) throws -> LakeLayout {
        let layout = lake(name + "reference")
        _ = try Simulation(world: world, layout: layout).run()
        return layout
    }

    /// A stop condition that also ends any test that would otherwise wait forever.
    static func deadline(seconds: Double = 60, or condition: @escaping () -> Bool = { false }) -> () -> Bool {
        let end = Date().addingTimeInterval(seconds)
        return { condition() || Date() > end }
    }
}

/// State shared between a test and its fake service thread.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func read<Result>(_ body: (Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(value)
    }

    func update(_ body: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&value)
    }
}
