import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct SyncAheadTests {
    @Test func syncsInTheBackgroundOnceEnoughIsWrittenAndStopsWhenFinished() throws {
        let folder = try TemporaryFolder("paddock-sync-ahead")
        defer { folder.remove() }
        let sync = SyncAhead(path: folder.url.path, threshold: 1_000)
        sync.wrote(999)
        #expect(sync.syncsRequested == 0, "below the threshold nothing is asked for")
        sync.wrote(1)
        #expect(sync.syncsRequested == 1)
        #expect(sync.waitForSyncsStarted(1, deadline: Date().addingTimeInterval(60)), "the background thread starts the sync")
        sync.finish()
        let afterFinish = sync.syncsStarted
        sync.wrote(10_000)   // after finish nothing more is asked for
        sync.finish()        // and finishing twice is fine
        #expect(sync.syncsRequested == 1)
        #expect(sync.syncsStarted == afterFinish)
    }
}
