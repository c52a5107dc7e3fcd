import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockSite

@Suite struct SyncAheadTests {
    @Test func syncsInTheBackgroundOnceEnoughIsWrittenAndStopsWhenFinished() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sync = SyncAhead(path: folder.url.path, threshold: 1_000)
        #expect(sync.syncsStarted == 0)
        sync.wrote(999)
        // Below the threshold nothing is asked for.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(sync.syncsStarted == 0)
        for _ in 0..<20 {
            sync.wrote(1_000)
            Thread.sleep(forTimeInterval: 0.01)
        }
        let deadline = Date().addingTimeInterval(5)
        while sync.syncsStarted == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(sync.syncsStarted >= 1)
        sync.finish()
        let afterFinish = sync.syncsStarted
        sync.wrote(10_000)   // after finish nothing more runs
        sync.finish()        // and finishing twice is fine
        Thread.sleep(forTimeInterval: 0.05)
        #expect(sync.syncsStarted == afterFinish)
    }
}
