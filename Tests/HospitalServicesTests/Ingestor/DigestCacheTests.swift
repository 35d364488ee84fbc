import Foundation
import HospitalCore
import HospitalLake
import HospitalTestSupport
import Testing

@testable import HospitalServices

/// Landed chunks stay in place and are looked at on every pass: one whose size and
/// modification time are as they were when it was hashed is not read again, and one
/// rewritten since is.
@Suite struct DigestCacheTests {
    let layout = LakeLayout(root: TemporaryFolder.make("hospital-digest-cache"))
    var inbox: Inbox { Inbox(layout: layout, topics: TestWorld.config.kafka.topics) }

    private func write(_ text: String, to path: String, modified seconds: Int) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// The two contents and their SHA-256, from sha256sum.
    let first = ("{\"a\":1}\n", "e346432021b04179518d9614f3560ccd71354a4ee101ddcb893d6959a9d6301c")
    let second = ("{\"b\":2}\n", "651b5768de252a9f4d2083046d83f81c31369beb73d14411492b20ea8fd1fcf5")

    @Test func anUnchangedStampIsAnsweredWithoutReadingAndANewOneIsRead() throws {
        let path = layout.root + "/chunk.json"
        var cache = DigestCache()
        try write(first.0, to: path, modified: 1_000)
        var answers = [cache.isOne(of: [first.1], path: path, inbox: inbox)]
        // Same size and time, other bytes: the stamp is all a pass looks at, so the file is not read.
        try write(second.0, to: path, modified: 1_000)
        answers.append(cache.isOne(of: [first.1], path: path, inbox: inbox))
        // Rewritten (a new time): read and hashed again.
        try write(second.0, to: path, modified: 2_000)
        answers.append(cache.isOne(of: [first.1], path: path, inbox: inbox))
        answers.append(cache.isOne(of: [second.1], path: path, inbox: inbox))
        #expect(answers == [true, true, false, true])
    }

    @Test func aFileThatIsGoneIsNotOneOfThem() {
        var cache = DigestCache()
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        let answer = cache.isOne(of: [empty], path: layout.root + "/missing.json", inbox: inbox)
        #expect(!answer)
    }
}
