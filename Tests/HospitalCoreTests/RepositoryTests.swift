import Foundation
import Testing

@Suite struct RepositoryTests {
    /// tree.txt is the repository's map in review; it must list what is really there.
    @Test func treeListingIsCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestWorld.repository + "/ci/tree.sh", "--check"]
        process.currentDirectoryURL = URL(fileURLWithPath: TestWorld.repository)
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
    }

    /// Only the wrapper targets may import C modules (docs/architecture.md §C modules).
    @Test func onlyWrapperTargetsImportCModules() throws {
        let sources = TestWorld.repository + "/Sources"
        let walker = FileManager.default.enumerator(atPath: sources)!
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            let importsC = text.split(separator: "\n").contains { $0.hasPrefix("import C") && !$0.hasPrefix("import Crypto") }
            if importsC {
                let allowed = ["HospitalArchive/", "HospitalKafka/", "HospitalWarehouse/"]
                #expect(allowed.contains { path.hasPrefix($0) }, "\(path) imports a C module")
            }
        }
    }
}
