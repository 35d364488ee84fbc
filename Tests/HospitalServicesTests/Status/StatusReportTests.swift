import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

/// `hospital status` names the report once `hospital report` has written it into the lake,
/// and says nothing of one that is not there.
@Suite(.timeLimit(.minutes(1)))
struct StatusReportTests {
    static func status(_ layout: LakeLayout) throws -> String {
        let (code, output) = try ChildProcess.runToEnd(
            ["status", "--lake", layout.root, "--profile", "golden"],
            environment: ["CONFIG_DIR": TestWorld.repository + "/configs"], mergingOutput: true)
        #expect(code == 0, "\(output)")
        return output
    }

    @Test func namesTheReportWhenItExists() throws {
        let layout = LakeLayout(root: TemporaryFolder.make("hospital-status-report"))
        #expect(!(try Self.status(layout)).contains("report "))
        try FileManager.default.createDirectory(atPath: layout.reports, withIntermediateDirectories: true)
        _ = try LakeFile.write(Array("<!DOCTYPE html>\n".utf8), to: layout.report)
        #expect((try Self.status(layout)).contains("report     \(layout.report)"))
    }
}
