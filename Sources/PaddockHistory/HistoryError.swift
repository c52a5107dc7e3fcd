import Foundation

/// Why the history database could not be used. Every case names the file; the published site is
/// left as it was.
package struct HistoryError: Error, CustomStringConvertible, Sendable {
    package enum Reason: Sendable, Equatable {
        /// The file is not a database, or SQLite found it damaged.
        case damaged
        /// Another program holds a lock on it longer than the build waits.
        case locked
        /// The database was written by a newer Paddock (a migration this one does not know).
        case newerVersion
        /// Anything else SQLite or the file system refused (permissions, disk full).
        case unusable
    }

    package var reason: Reason
    package var file: String
    /// SQLite's own words.
    package var detail: String

    package init(_ reason: Reason, file: String, detail: String) { self.reason = reason; self.file = file; self.detail = detail }

    package var description: String {
        switch reason {
        case .damaged:
            "the history database \(file) is damaged (\(detail)). Nothing was published. Move it aside "
                + "(mv \(file) \(file).damaged, and its -wal and -shm files if any) and build again: the site is rebuilt from the cache and a new history "
                + "starts, in which every item counts as first seen today (see docs/history.md)"
        case .locked:
            "the history database \(file) is locked by another program (\(detail)). Nothing was published. "
                + "Close the program that holds it (an sqlite3 shell, a backup) and build again"
        case .newerVersion:
            "the history database \(file) was written by a newer version of Paddock (\(detail)). Nothing was published. "
                + "Update Paddock, or move the file aside to start a new history"
        case .unusable:
            "the history database \(file) cannot be used (\(detail)). Nothing was published"
        }
    }
}
