import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct BuildLockTests {
    @Test func secondNonWaitingAcquireIsBusyUntilRelease() throws {
        let folder = try TemporaryFolder("paddock-lock")
        defer { folder.remove() }
        let url = folder.url.appending(path: "build.lock")
        let first = try BuildLock.acquire(at: url, wait: false)
        #expect(throws: BuildLockError.busy(path: url.path)) { try BuildLock.acquire(at: url, wait: false) }
        first.release()
        let second = try BuildLock.acquire(at: url, wait: false)
        second.release()
    }
}
