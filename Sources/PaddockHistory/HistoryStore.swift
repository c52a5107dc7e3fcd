import Foundation
import GRDB

/// The site's history: a SQLite database in `.paddock/history.sqlite` (GRDB), one per site.
///
/// A build reads it (``read()``) before planning and records what it published
/// (``record(_:at:publishing:)``) in one transaction around the publish itself: a build that
/// fails or publishes nothing records nothing, and a database that cannot take the record stops
/// the publish. Every method blocks: call it off the cooperative pool.
package final class HistoryStore: Sendable {
    package static let fileName = "history.sqlite"

    package let file: URL
    private let queue: DatabaseQueue

    /// Opens (or creates) the database and brings its schema up to date.
    /// - Parameter busyTimeout: how long to wait for another program's lock before giving up.
    /// - Throws: ``HistoryError`` naming the file: damaged, locked, newer, unusable.
    package init(file: URL, busyTimeout: Duration = .seconds(5)) throws {
        self.file = file
        let path = file.path
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            let seconds = Double(busyTimeout.components.seconds) + Double(busyTimeout.components.attoseconds) / 1e18
            configuration.busyMode = .timeout(seconds)
            configuration.label = "paddock.history"
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // A write-ahead log: readers (a backup, an sqlite3 shell) never block the build's
                // commit, which comes after the site was swapped.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                guard check == "ok" else { throw HistoryError(.damaged, file: path, detail: "quick_check: \(check)") }
            }
            let migrator = HistoryMigrations.migrator
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw HistoryError(.newerVersion, file: path, detail: "it holds migrations this version does not know")
            }
            try migrator.migrate(queue)
            // Another program's write lock is found now, before anything is rendered.
            try queue.inTransaction(.immediate) { _ in .rollback }
        } catch {
            throw Self.historyError(error, file: path)
        }
    }

    /// Everything the history holds but the items' snapshots (``snapshots(of:)``).
    package func read() throws -> HistoryContents {
        do {
            return try queue.read { db in
                var contents = HistoryContents()
                contents.firstBuild = try Double.fetchOne(db, sql: "SELECT MIN(at) FROM build").map(Date.init(timeIntervalSince1970:))
                let items = try Row.fetchCursor(db, sql: """
                    SELECT kind, id, slug, first_seen, last_seen, gone_since, status, price, previous_price, first_slug FROM item
                    """)
                while let row = try items.next() {
                    let key = HistoryItemKey(kind: row[0], id: row[1])
                    contents.items[key] = ItemHistory(
                        key: key, slug: row[2], firstSeen: Date(timeIntervalSince1970: row[3]),
                        lastSeen: Date(timeIntervalSince1970: row[4]),
                        goneSince: (row[5] as Double?).map(Date.init(timeIntervalSince1970:)),
                        status: row[6], price: row[7], previousPrice: row[8], firstSlug: row[9])
                }
                let urls = try Row.fetchCursor(db, sql: """
                    SELECT path, kind, id, language, first_published, last_published FROM published_url
                    """)
                while let row = try urls.next() {
                    let kind: String? = row[1], id: String? = row[2]
                    let path: String = row[0]
                    contents.urls[path] = PublishedURL(
                        path: path, item: kind.flatMap { kind in id.map { HistoryItemKey(kind: kind, id: $0) } },
                        language: row[3], firstPublished: Date(timeIntervalSince1970: row[4]),
                        lastPublished: Date(timeIntervalSince1970: row[5]))
                }
                return contents
            }
        } catch {
            throw Self.historyError(error, file: file.path)
        }
    }

    /// Records what a build published, in one transaction around `publishing` (the publish's
    /// swap): when `publishing` throws, nothing is recorded and its error is rethrown.
    package func record<T>(_ observation: BuildObservation, at now: Date, publishing: () throws -> T) throws -> T {
        var published: Result<T, any Error>?
        do {
            try queue.inTransaction(.immediate) { db in
                try HistoryRecorder(db: db, now: now.timeIntervalSince1970).record(observation)
                do { published = .success(try publishing()) } catch {
                    published = .failure(error)
                    return .rollback
                }
                return .commit
            }
        } catch {
            // The publish ran and failed: its error, not the database's, is what went wrong.
            if case .failure(let publishError)? = published { throw publishError }
            throw Self.historyError(error, file: file.path)
        }
        switch published {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw HistoryError(.unusable, file: file.path, detail: "the record did not run")
        }
    }

    /// The snapshots of `keys` (items gone from their catalogue, whose pages need them), by language.
    package func snapshots(of keys: some Collection<HistoryItemKey>) throws -> [HistoryItemKey: [String: Data]] {
        guard !keys.isEmpty else { return [:] }
        do {
            return try queue.read { db in
                let statement = try db.makeStatement(sql: "SELECT language, json FROM item_snapshot WHERE kind = ? AND id = ?")
                var result: [HistoryItemKey: [String: Data]] = [:]
                for key in keys {
                    let rows = try Row.fetchCursor(statement, arguments: [key.kind, key.id])
                    while let row = try rows.next() { result[key, default: [:]][row[0]] = row[1] }
                }
                return result
            }
        } catch {
            throw Self.historyError(error, file: file.path)
        }
    }

    /// How many listed items were first seen since `newSince` and how many gone items went since
    /// `goneSince`: a build whose inputs are unchanged renders again only when these change (a
    /// badge or a sold page expired).
    package func lifecycleCounts(newSince: Date, goneSince: Date) throws -> (new: Int, standing: Int) {
        do {
            return try queue.read { db in
                let first = try Double.fetchOne(db, sql: "SELECT MIN(at) FROM build") ?? .infinity
                let new = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM item WHERE gone_since IS NULL AND first_seen > ? AND first_seen >= ?
                    """, arguments: [first, newSince.timeIntervalSince1970]) ?? 0
                let standing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item WHERE gone_since > ?",
                                                arguments: [goneSince.timeIntervalSince1970]) ?? 0
                return (new, standing)
            }
        } catch {
            throw Self.historyError(error, file: file.path)
        }
    }

    /// The price history of one item, oldest first (`nil` where it had no price).
    package func prices(of key: HistoryItemKey) throws -> [(at: Date, price: String?)] {
        try changes(of: key, sql: "SELECT at, price FROM price_change WHERE kind = ? AND id = ? ORDER BY at, rowid")
            .map { ($0.at, $0.value) }
    }

    /// The status history of one item, oldest first.
    package func statuses(of key: HistoryItemKey) throws -> [(at: Date, status: String)] {
        try changes(of: key, sql: "SELECT at, status FROM status_change WHERE kind = ? AND id = ? ORDER BY at, rowid")
            .map { ($0.at, $0.value ?? "") }
    }

    private func changes(of key: HistoryItemKey, sql: String) throws -> [(at: Date, value: String?)] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: sql, arguments: [key.kind, key.id]).map {
                    (Date(timeIntervalSince1970: $0[0]), $0[1] as String?)
                }
            }
        } catch {
            throw Self.historyError(error, file: file.path)
        }
    }

    /// A ``HistoryError`` for any failure of SQLite or the file system.
    static func historyError(_ error: any Error, file: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let database = error as? DatabaseError else {
            return HistoryError(.unusable, file: file, detail: String(describing: error))
        }
        let detail = database.message ?? "\(database.resultCode)"
        switch database.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return HistoryError(.damaged, file: file, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return HistoryError(.locked, file: file, detail: detail)
        default: return HistoryError(.unusable, file: file, detail: detail)
        }
    }
}
