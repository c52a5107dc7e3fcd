import Foundation
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct BuildLockTests {
    @Test func secondNonWaitingAcquireIsBusyUntilRelease() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "paddock-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appending(path: "build.lock")
        let first = try BuildLock.acquire(at: url, wait: false)
        #expect(throws: BuildLockError.busy(path: url.path)) { try BuildLock.acquire(at: url, wait: false) }
        first.release()
        let second = try BuildLock.acquire(at: url, wait: false)
        second.release()
    }
}
