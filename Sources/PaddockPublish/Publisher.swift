import Foundation
import Logging

/// Publishes a built site so that readers of the output folder see the old site or the new one,
/// never a mix, and a failed or killed build leaves the previous site in place.
///
/// The output path is a symbolic link to a release folder (`.paddock/releases/public/r000012`
/// beside it) replaced by one `rename(2)`. A new release reuses unchanged files of the current
/// one by hard link (their modification time is kept) and writes only changed ones; a manifest of
/// content digests lets a rebuild with no change write nothing and leave the link alone. The
/// previous release is kept intact; the one before it is recycled as the next staging folder,
/// so the hot path never deletes a whole tree (see docs/publishing.md).
///
/// A publish is streamed: files are added as a build produces them (see ``PublishSession``).
/// ```swift
/// let session = try Publisher(output: config.outputFolder, logger: logger).begin()
/// for page in pages { try session.add(page) }   // from any thread
/// let summary = try session.finish()
/// ```
package struct Publisher: Sendable {
    /// The published site's path (a link Paddock manages; a plain folder is migrated once).
    package var output: URL
    /// Where releases live; by default `.paddock/releases/<output name>` beside the output.
    package var releases: URL
    /// Releases kept untouched besides the current one (default 1: the previous site).
    package var keepPrevious: Int
    /// Flush the file system once before the swap, so a power cut cannot publish empty files.
    package var syncBeforeSwap: Bool
    /// Threads that write a publish's new files (``PublishWriter``), apart from the threads that add
    /// them; 0: each file is written by the thread that adds it. By default
    /// ``PublishWriter/defaultThreads``.
    package var writerThreads: Int
    /// Told of each phase (progress, crash tests).
    package var observer: (@Sendable (PublishPhase) -> Void)?
    package var logger: Logger

    package init(output: URL, releases: URL? = nil, keepPrevious: Int = 1, syncBeforeSwap: Bool = true,
                writerThreads: Int = PublishWriter.defaultThreads,
                logger: Logger, observer: (@Sendable (PublishPhase) -> Void)? = nil) {
        let output = output.standardizedFileURL
        self.output = output
        self.releases = (releases ?? output.deletingLastPathComponent()
            .appending(path: ".paddock/releases/\(output.lastPathComponent)")).standardizedFileURL
        self.keepPrevious = max(0, keepPrevious)
        self.syncBeforeSwap = syncBeforeSwap
        self.writerThreads = max(0, writerThreads)
        self.logger = logger
        self.observer = observer
    }
}
