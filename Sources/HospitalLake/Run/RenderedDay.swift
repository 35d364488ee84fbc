import Crypto
import HospitalCore

/// A lake file rendered and hashed in memory. Rendering and hashing are pure, so they can run
/// on other cores ahead of the thread that writes; what that thread is left with is the
/// system calls.
public struct RenderedFile: Sendable {
    public let name: LakeFileName
    public let bytes: [UInt8]
    public let rows: Int
    public let sha256: String

    public init(_ name: LakeFileName, _ bytes: [UInt8], rows: Int) {
        self.name = name
        self.bytes = bytes
        self.rows = rows
        sha256 = SHA256.hash(data: bytes).hexString
    }
}

/// The files of one step, written before its flag.
public struct RenderedStep: Sendable {
    public let flag: LakeFlag
    public let files: [RenderedFile]
}

/// One simulated day with the files of every step, in the order of docs/lake.md §Daily steps.
public struct RenderedDay: Sendable {
    public let day: DayEngine.Day
    public let visitors: RenderedStep
    /// Per session, from the first: its transports, then (after the calendar's first day) the
    /// previous day's transfers.
    public let sessions: [[RenderedStep]]
    /// The admissions and the summaries.
    public let admissions: RenderedStep
}

/// A step's files still to render: the unit `DayWriter.render` spreads over the cores.
struct StepJobs: Sendable {
    let flag: LakeFlag
    let render: @Sendable () -> [RenderedFile]

    init(_ flag: LakeFlag, render: @escaping @Sendable () -> [RenderedFile]) {
        self.flag = flag
        self.render = render
    }
}
