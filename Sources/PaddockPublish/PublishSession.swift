import Crypto
import Foundation

/// One publish fed file by file as a build produces them, so the site is never held in memory.
///
/// ``add(_:)-(RenderedPage)`` may be called from several threads at once. Each file's digest is
/// compared with the current release's manifest: an unchanged file is only recorded (hard-linked
/// at ``finish()`` if anything changed); a changed one is handed to the session's writer threads
/// (``PublishWriter``), which write it into the staging folder while the build goes on.
/// The staging folder is prepared only when the first changed file arrives (or at ``finish()``
/// when a file was removed), so a rebuild with nothing changed touches no file and leaves the link
/// alone. A session that is not finished (a failed render or check, a killed process) publishes
/// nothing: the previous site stays, and the next publish recycles the staging folder.
///
/// ```swift
/// let session = try publisher.begin()
/// for page in pages { try session.add(page) }   // from several threads at once
/// for file in staticFiles { try session.add(file) }
/// let summary = try session.finish()
/// ```
/// Run it while holding ``BuildLock``; ``SiteBuilder`` feeds it as its ``SiteSink``.
package final class PublishSession: @unchecked Sendable {
    struct Entry {
        var digest: String
        var size: Int
        /// Where the same bytes are already published (current release or migrated folder); `nil`: written.
        var source: String?
    }

    let publisher: Publisher
    let expectedCount: Int?
    let lock = NSLock()
    // Set by `init`, read without the lock (internal for PublishSession+Finish.swift).
    let currentManifest: PublishManifest?
    let currentPath: String?
    let legacyFolder: String?
    let start: ContinuousClock.Instant
    // Guarded by `lock`.
    var state: ReleaseState
    var paths = PublishPathIndex()
    var entries: [String: Entry] = [:]
    var staging: PublishStaging?
    var placed = 0
    var accepted = 0
    var finished = false
    /// Flushes written files in the background when the publish syncs before its swap.
    let syncAhead: SyncAhead?
    /// Writes the new files on threads of its own (``PublishWriter``); `nil`: each file is
    /// written by the thread that adds it (``Publisher/writerThreads`` 0).
    let writer: PublishWriter?

    /// Reads the current release; writes nothing (but the releases folder on the very first publish).
    init(publisher: Publisher, expectedCount: Int? = nil) throws {
        self.publisher = publisher
        self.expectedCount = expectedCount
        start = ContinuousClock.now
        try POSIXFileSystem.makeDirectoryTree(publisher.releases.path)
        state = try ReleaseState.read(output: publisher.output, releases: publisher.releases)
        try state.cleanStaleLinks()
        currentManifest = state.currentManifest
        currentPath = state.currentPath
        legacyFolder = state.legacyFolder
        let syncAhead = publisher.syncBeforeSwap ? SyncAhead(path: publisher.releases.path) : nil
        self.syncAhead = syncAhead
        writer = publisher.writerThreads == 0 ? nil : PublishWriter(threads: publisher.writerThreads, wrote: { syncAhead?.wrote($0) })
    }

    deinit {
        writer?.cancel()
        syncAhead?.finish()
    }

    /// Files added so far (pages and static files, including static files a page replaced).
    package var addedCount: Int { lock.withLock { accepted } }

    /// Adds a rendered page; written into staging at once when its bytes changed.
    /// - Throws: ``PublishError`` (unsafe or duplicate path, path conflict, file-system failure).
    package func add(_ page: RenderedPage) throws {
        try place(page.path, kind: .page, bytes: page.bytes)
    }

    /// Adds a static file, read from its source now. A page at the same path wins.
    package func add(_ file: StaticFile) throws {
        guard let data = FileManager.default.contents(atPath: file.source.path) else {
            throw PublishError.io(operation: "read static file", path: file.source.path, errno: ENOENT)
        }
        try place(file.path, kind: .staticFile, bytes: Array(data))
    }

    private func place(_ path: String, kind: PublishPathIndex.Kind, bytes: [UInt8]) throws {
        let digest = PublishManifest.hex(SHA256.hash(data: bytes))
        let source = unchangedSource(path, bytes: bytes, digest: digest)
        let entry = Entry(digest: digest, size: bytes.count, source: source)
        // What needs no shared state is worked out before taking the lock every writer shares.
        try PublishPathIndex.validate(path)
        let parents = PublishStaging.parentFolders(of: path)
        // A file for the writers is kept as an exact-size copy, made before the lock: `bytes` is
        // often a renderer's reused buffer, sized for its largest page, which it takes back next.
        let kept = writer != nil && source == nil ? bytes.exactSizeCopy() : nil
        let job: PublishWriter.Job? = try lock.withLock {
            guard !finished else { throw PublishError.invalidPath(path, reason: "the publish session is already finished") }
            let outcome = try paths.add(validated: path, parents: parents, kind: kind)
            accepted += 1
            if outcome == .ignored { return nil }
            if outcome != .added, entries[path]?.source == nil { staging?.markOverwritten(path) }
            entries[path] = entry
            guard source == nil else { return nil }
            try prepareStaging()
            let room = try staging!.makeRoom(for: path, parents: parents)
            let job = PublishWriter.Job(path: staging!.path + "/" + path, bytes: kept ?? bytes, unlink: room.occupied, newFolders: room.newFolders)
            guard let writer else { return job }
            // A path written earlier in this publish: that file is written before this one replaces it.
            if outcome != .added { try writer.drain() }
            // Queued in the order files claim their folders, so the writer always makes a folder
            // before the files in it, and writes a path taken over by a later file in that order.
            try writer.write(job)
            return nil
        }
        if let job {
            // Folders are made outside the lock (mkdir is the slowest call of a publish); another
            // page's writer may have claimed this one's folder and not made it yet (`perform` then
            // makes it itself).
            try PublishWriter.perform(job)
            syncAhead?.wrote(bytes.count)
        }
        progress()
    }

    private func progress() {
        guard let observer = publisher.observer else { return }
        let (done, total) = lock.withLock { placed += 1; return (placed, max(expectedCount ?? 0, placed)) }
        if done % 64 == 0 || done == total { observer(.staging(done: done, total: total)) }
    }

    /// Where `path`'s bytes are already published, or `nil` when they are new or changed.
    private func unchangedSource(_ path: String, bytes: [UInt8], digest: String) -> String? {
        guard let reuse = currentPath ?? legacyFolder else { return nil }
        let source = reuse + "/" + path
        if currentPath != nil, let currentManifest {
            guard let entry = currentManifest.entries[path], entry.digest == digest, entry.size == bytes.count else { return nil }
            return POSIXFileSystem.status(source)?.isRegular == true ? source : nil
        }
        // No manifest (a plain folder being migrated, or a damaged release): compare bytes.
        guard let info = POSIXFileSystem.status(source), info.isRegular, info.size == bytes.count,
              let old = try? POSIXFileSystem.read(source) else { return nil }
        return old == bytes ? source : nil
    }

    /// Picks the staging folder the first time it is needed. Call with `lock` held.
    func prepareStaging() throws {
        guard staging == nil else { return }
        let prepared = try state.prepareStaging(keepPrevious: publisher.keepPrevious)
        staging = PublishStaging(path: prepared.path, recycled: prepared.manifest)
    }
}
