import Foundation
import HospitalCore
import HospitalServices
import HospitalTestSupport
import Testing

extension StreamingTests {
    /// The real `hospital` binaries killed with SIGKILL at several points and restarted:
    /// at-least-once delivery must hold with no lost event, no foreign line, and
    /// duplicates only as re-delivered chunks (identical bytes at identical offsets) or
    /// as whole outbox files published again (the same encoded events).
    @Suite(.serialized, .timeLimit(.minutes(5)))
    struct KillRestartTests {
        /// One lake, one broker child, and the producer and stream-processor children.
        final class Run {
            let layout: LakeLayout
            let staging: String
            let logs: String
            var environment: [String: String] = ["CONFIG_DIR": StreamingTests.repository + "/configs"]
            var children: [ChildProcess] = []
            var starts = 0

            init(layout: LakeLayout) throws {
                self.layout = layout
                staging = layout.root + "/staging"
                logs = layout.root + "/logs"
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
                try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
            }

            func start(_ arguments: [String]) throws -> ChildProcess {
                starts += 1
                let child = try ChildProcess(
                    "\(starts)-\(arguments[0])", arguments: arguments + ["--lake", layout.root], environment: environment, logFolder: logs)
                children.append(child)
                return child
            }

            func producer(drain: Bool = false) throws -> ChildProcess {
                try start(["producer"] + (drain ? ["--drain"] : []))
            }

            func streamProcessor(idleExit: Int? = nil) throws -> ChildProcess {
                try start(
                    ["stream-processor", "--chunk-size", "20", "--idle-seconds", "0.3"] + (idleExit.map { ["--idle-exit", "\($0)"] } ?? []))
            }

            /// A one-shot run (a drain) that must end by itself with exit code 0.
            func complete(_ child: ChildProcess, within timeout: Duration) {
                let status = child.waitForExit(timeout: timeout)
                #expect(status == 0, "\(child.name) ended with \(status.map(String.init) ?? "nothing (still running)"):\n\(child.logTail)")
            }

            var processedCount: Int { StreamFixture.outboxFiles(in: layout.processed).count }
            var landedChunks: Int { (try? LandedStream(layout: layout).chunks.count) ?? 0 }

            deinit { for child in children { child.kill() } }
        }

        /// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
        @discardableResult
        static func waitUntil(_ timeout: Duration, _ condition: () -> Bool) -> Bool {
            let deadline = ContinuousClock.now + timeout
            while !condition() {
                if ContinuousClock.now >= deadline { return false }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return true
        }

        /// SIGKILLs a child that must still be running, so the kill really interrupted work.
        static func kill(_ child: ChildProcess, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(child.kill(), "\(child.name) had already ended:\n\(child.logTail)", sourceLocation: sourceLocation)
        }

        @Test func killedProducerAndStreamProcessorLoseNothingAndLandEachEventOnce() throws {
            let pipeline = try StreamFixture.pipeline(days: 14)
            let layout = pipeline.layout
            let run = try Run(layout: layout)
            defer { for child in run.children { child.kill() } }
            // The outbox waits in staging/ and is fed into batch/ file by file, as the
            // scheduler would write it, so the kills land in the middle of the flow.
            let outbox = StreamFixture.outboxFiles(in: layout.batch)
            for name in outbox { try FileManager.default.moveItem(atPath: layout.batch + "/" + name, toPath: run.staging + "/" + name) }
            let expected = try outbox.flatMap { try StreamFixture.events(ofFile: run.staging + "/" + $0) }
            #expect(outbox.count > 100 && expected.count > 300)

            let bootstrapFile = layout.root + "/bootstrap"
            _ = try run.start(["broker", "--bootstrap-file", bootstrapFile])
            try #require(
                Self.waitUntil(.seconds(20)) { FileManager.default.fileExists(atPath: bootstrapFile) }, "broker never wrote its address")
            run.environment["KAFKA_BOOTSTRAP_SERVERS"] = try String(contentsOfFile: bootstrapFile, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)

            let staging = run.staging
            let batch = layout.batch
            let feeder = BackgroundRun("feeder") {
                for name in outbox {
                    try FileManager.default.moveItem(atPath: staging + "/" + name, toPath: batch + "/" + name)
                    Thread.sleep(forTimeInterval: 0.08)
                }
            }

            var producer = try run.producer()
            var processor = try run.streamProcessor()
            Thread.sleep(forTimeInterval: 0.3)
            Self.kill(producer)  // while starting up or publishing its first files
            producer = try run.producer()
            Thread.sleep(forTimeInterval: 1)
            Self.kill(processor)  // while joining the group
            processor = try run.streamProcessor()
            let moved = run.processedCount
            #expect(Self.waitUntil(.seconds(30)) { run.processedCount >= moved + 3 }, "the producer moved nothing")
            Self.kill(producer)  // right after moving files: possibly between two moves
            producer = try run.producer()
            let movedAgain = run.processedCount
            #expect(Self.waitUntil(.seconds(30)) { run.processedCount >= movedAgain + 3 }, "the restarted producer moved nothing")
            Self.kill(producer)
            producer = try run.producer()
            #expect(Self.waitUntil(.seconds(60)) { run.landedChunks >= 2 }, "nothing landed:\n\(processor.logTail)")
            Self.kill(processor)  // right after landing a chunk: possibly before its commit
            processor = try run.streamProcessor()
            let landed = run.landedChunks
            #expect(Self.waitUntil(.seconds(60)) { run.landedChunks > landed }, "nothing landed after a restart:\n\(processor.logTail)")
            Self.kill(processor)
            Self.kill(producer)
            try feeder.wait(timeout: .seconds(30))

            // Whatever the producer moved to processed/ was acknowledged, so a stream
            // processor that drains the broker must find every one of its events.
            run.complete(try run.streamProcessor(idleExit: 3), within: .seconds(90))
            let processed = StreamFixture.outboxFiles(in: layout.processed)
            let landedEarly = Set(try LandedStream(layout: layout).lines)
            for name in processed {
                let missing = try StreamFixture.events(ofFile: layout.processed + "/" + name).filter { !landedEarly.contains($0) }
                #expect(missing.isEmpty, "\(name) is in processed/ but \(missing.count) of its events never landed")
            }

            run.complete(try run.producer(drain: true), within: .seconds(60))
            run.complete(try run.streamProcessor(idleExit: 3), within: .seconds(90))

            #expect(StreamFixture.outboxFiles(in: layout.batch).isEmpty)
            #expect(StreamFixture.outboxFiles(in: layout.processed) == outbox)
            let failed = (try? FileManager.default.contentsOfDirectory(atPath: layout.failed)) ?? []
            #expect(failed.isEmpty, "in failed/: \(failed.sorted())")
            let stream = try LandedStream(layout: layout)
            let lines = stream.lines
            let expectedSet = Set(expected)
            let lost = expectedSet.subtracting(lines)
            #expect(lost.isEmpty, "\(lost.count) events never landed, e.g. \(lost.first ?? "")")
            let foreign = Set(lines).subtracting(expectedSet)
            #expect(foreign.isEmpty, "\(foreign.count) landed lines are no encoded event, e.g. \(foreign.first ?? "")")
            // Files republished after a kill before their move, and chunks re-delivered after a
            // kill before their commit, repeat events in the broker; stream/ holds each once.
            #expect(stream.repeats().isEmpty, "\(stream.repeats().count) events landed twice: \(stream.repeats().prefix(3))")
            #expect(stream.overlaps().isEmpty, "\(stream.overlaps().prefix(3))")
            #expect(lines.count == expected.count)
        }
    }
}
