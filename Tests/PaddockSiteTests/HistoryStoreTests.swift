import Foundation
import GRDB
import PaddockHistory
import PaddockTestSupport
import Testing
@testable import PaddockSite

/// The history database on its own: versioned migrations, and the lifecycle rules read from it.
@Suite struct HistoryStoreTests {
    @Test func migrationsRunOnceAndADatabaseFromANewerPaddockIsRefusedByName() throws {
        let folder = try TemporaryFolder("paddock-history")
        defer { folder.remove() }
        let file = folder.url.appending(path: "history.sqlite")
        _ = try HistoryStore(file: file)
        _ = try HistoryStore(file: file)   // opened again: nothing left to migrate
        let queue = try DatabaseQueue(path: file.path)
        let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1: items, prices, statuses, snapshots, URLs"])
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')") }
        try queue.close()
        do {
            _ = try HistoryStore(file: file)
            Issue.record("a newer database must be refused")
        } catch let error as HistoryError {
            #expect(error.reason == .newerVersion)
            #expect(error.description.contains(file.path))
        }
    }

    @Test func newAndReducedFollowTheRecordedHistory() {
        let day = { (n: Double) in Date(timeIntervalSince1970: 1_767_225_600 + n * 86_400) }
        let key = ItemKind.animal.key("a")
        var history = HistoryContents(firstBuild: day(0))
        #expect(SiteLifecycle.isNew(nil, history: history, since: day(-14)), "never seen: new")
        let original = ItemHistory(key: key, slug: "a", firstSeen: day(0), lastSeen: day(0), status: "available", price: "100")
        #expect(!SiteLifecycle.isNew(original, history: history, since: day(-14)), "seen by the first build: not new")
        let later = ItemHistory(key: key, slug: "a", firstSeen: day(3), lastSeen: day(3), status: "available", price: "100")
        #expect(SiteLifecycle.isNew(later, history: history, since: day(-11)))
        #expect(!SiteLifecycle.isNew(later, history: history, since: day(4)), "older than new_days")
        history.firstBuild = nil
        #expect(!SiteLifecycle.isNew(nil, history: history, since: day(-14)), "no history yet: nothing is new")

        #expect(SiteLifecycle.isReduced(90, original), "lowered in this build")
        #expect(!SiteLifecycle.isReduced(110, original))
        #expect(!SiteLifecycle.isReduced(100, original), "unchanged and never changed")
        var lowered = original
        lowered.price = "90"; lowered.previousPrice = "100"
        #expect(SiteLifecycle.isReduced(90, lowered), "still below the price before its last change")
        #expect(!SiteLifecycle.isReduced(95, lowered), "raised again since")
        #expect(!SiteLifecycle.isReduced(nil, lowered))
    }
}
