import ArgumentParser
import HospitalCore
import HospitalKafka
import HospitalLake

/// The one place where a failure becomes its line on stderr and its exit code
/// (docs/lake.md §Exit codes): 1 for a lake or runtime failure, 2 for a bad configuration
/// or a lake this run must not write.
/// Commands catch what they expect and throw what this returns; `Hospital.main` sends here
/// whatever a command did not catch, and leaves usage errors (64) to ArgumentParser.
enum ExitStatus {
    static let failed = ExitCode(1)
    static let badConfiguration = ExitCode(2)

    /// The line and the code an error stands for.
    static func describe(_ error: any Error) -> (line: String, code: ExitCode) {
        switch error {
        case is ConfigError, is LogLevel.Invalid: ("configuration error: \(error)", badConfiguration)
        case is GenerationError: ("error: \(error)", badConfiguration)
        case is LakeAudit.AuditError: ("audit: \(error)", badConfiguration)
        case is KafkaError: ("kafka error: \(error)", failed)
        // A state the run cannot trust, or a lake another writer holds: waiting or retrying
        // cures neither, the operator must (docs/lake.md §Scheduler state).
        case LakeError.refusedState: ("state error: \(error)", badConfiguration)
        case LakeError.locked: ("lake error: \(error)", badConfiguration)
        default: ("error: \(error)", failed)
        }
    }

    /// Says the error in one line on stderr and returns its exit code, to be thrown.
    static func report(_ error: any Error) -> ExitCode {
        let (line, code) = describe(error)
        Console.error(line)
        return code
    }

    /// A bad configuration the command found itself: `configuration error: <what>`, exit 2.
    static func configuration(_ what: String) -> ExitCode {
        Console.error("configuration error: " + what)
        return badConfiguration
    }

    /// A lake the command cannot use: `lake error: <what>`, exit 1.
    static func lake(_ what: String) -> ExitCode {
        Console.error("lake error: " + what)
        return failed
    }
}
