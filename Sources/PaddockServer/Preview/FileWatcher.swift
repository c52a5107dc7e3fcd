import Foundation

/// Notices changes below a few files and folders by polling: every interval it takes a snapshot
/// of each file's size, modification time and inode and reports the paths that differ.
///
/// Polling keeps it portable and robust (editors that save by rename, network folders); a
/// snapshot of a theme and a few pages takes well under a millisecond.
///
/// ```swift
/// for await changed in FileWatcher(paths: [templates, pages]).changes(every: .milliseconds(300), clock: .continuous) {
///     await session.filesChanged(changed)
/// }
/// ```
package struct FileWatcher: Sendable {
    /// What identifies one version of a file.
    struct Stamp: Sendable, Equatable {
        var size: Int
        var modifiedNanoseconds: Int
        var inode: UInt64
    }

    package let paths: [URL]

    package init(paths: [URL]) {
        self.paths = paths.map(\.standardizedFileURL)
    }

    /// Paths whose stamp differs between two snapshots (added, removed or changed), sorted.
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// An endless stream of changed-path batches, one per poll that saw a change.
    /// The first snapshot is taken at once, so changes made after this call are seen.
    package func changes<C: Clock>(every interval: C.Duration, clock: C) -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .bufferingNewest(16))
        let initial = snapshot()
        let task = Task {
            var previous = initial
            while !Task.isCancelled {
                do { try await clock.sleep(for: interval) } catch { break }
                let current = snapshot()
                let changed = Self.difference(previous, current)
                previous = current
                if !changed.isEmpty { continuation.yield(changed) }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
