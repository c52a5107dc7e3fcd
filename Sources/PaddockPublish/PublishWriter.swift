import Foundation

/// Writes a publish's new files on threads of its own, so the threads that render pages never
/// run file-system calls themselves.
///
/// Creating a folder and a file costs the kernel tens of microseconds of metadata work per page;
/// interleaved with rendering on the same threads, that work also evicts the renderer's data from
/// the core's caches page after page. Here the renderers hand each file over and go on; the
/// writers take the files in the order they were handed over, create their folders and write
/// them. At most `byteLimit` bytes wait at a time (``write(_:)`` blocks beyond that), so memory
/// stays bounded whatever the speed of the disk.
package final class PublishWriter: @unchecked Sendable {
    /// Writer threads of a publish: one for every two cores, at least one.
    package static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }

    /// One file to write into the staging folder.
    struct Job {
        /// The file's full path.
        var path: String
        var bytes: [UInt8]
        /// A file is already there (unlinked first: it may be shared by hard link with a release).
        var unlink: Bool
        /// Folders to create first (parents first), claimed for this file by the session.
        var newFolders: [String]
    }

    private let condition = NSCondition()
    private let threads: Int
    private let byteLimit: Int
    private let wrote: @Sendable (Int) -> Void
    // Guarded by `condition`.
    private var queue: [Job] = []
    private var head = 0
    private var queuedBytes = 0
    private var failure: (any Error)?
    private var stopping = false
    /// Files taken from the queue and not written yet.
    private var writing = 0
    private var threadsRunning = 0

    /// - Parameters:
    ///   - threads: writer threads, started with the first file.
    ///   - byteLimit: the most bytes waiting to be written before ``write(_:)`` waits.
    ///   - wrote: called on a writer's thread after each file, with its size.
    init(threads: Int = 1, byteLimit: Int = 4 << 20, wrote: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.threads = max(1, threads)
        self.byteLimit = byteLimit
        self.wrote = wrote
    }

    /// Writes `job` with the calling thread's own calls, as the writer does.
    static func perform(_ job: Job) throws {
        for folder in job.newFolders {
            // Another writer may be making this file's parent folder, claimed by an earlier file.
            do { try POSIXFileSystem.makeDirectory(folder) }
            catch PublishError.io(_, _, let code) where code == ENOENT { try POSIXFileSystem.makeDirectoryTree(folder) }
        }
        if job.unlink { try POSIXFileSystem.unlinkFile(job.path) }
        do {
            try POSIXFileSystem.writeFile(job.bytes, to: job.path)
        } catch PublishError.io(_, _, let code) where code == ENOENT {
            try POSIXFileSystem.makeDirectoryTree(String(job.path[..<job.path.lastIndex(of: "/")!]))
            try POSIXFileSystem.writeFile(job.bytes, to: job.path)
        }
    }

    /// Queues `job` (waiting while the queue is full) and returns.
    /// - Throws: the first error a writer met on an earlier file, so a failing disk stops the build.
    func write(_ job: Job) throws {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, !stopping, queuedBytes > 0, queuedBytes + job.bytes.count > byteLimit { condition.wait() }
        if let failure { throw failure }
        guard !stopping else { throw PublishError.invalidPath(job.path, reason: "the publish session is already finished") }
        queue.append(job)
        queuedBytes += job.bytes.count
        if threadsRunning == 0 {
            threadsRunning = threads
            for _ in 0..<threads {
                let thread = Thread { [self] in run() }
                thread.name = "paddock.publish-writer"
                thread.start()
            }
        }
        condition.broadcast()
    }

    /// Waits until every file queued so far is written (before a file replaces one written in
    /// this publish, which must not overtake it).
    /// - Throws: the first error the writers met.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, head < queue.count || writing > 0 { condition.wait() }
        if let failure { throw failure }
    }

    /// Waits until every queued file is written and stops the writer threads.
    /// - Throws: the first error a writer met.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, head < queue.count || writing > 0 { condition.wait() }
        stopping = true
        condition.broadcast()
        while threadsRunning > 0 { condition.wait() }
        if let failure { throw failure }
    }

    /// Drops what is still queued and stops the writer threads (a publish that will not be finished).
    func cancel() {
        condition.lock()
        stopping = true
        for job in queue[head...] { queuedBytes -= job.bytes.count }
        queue = []; head = 0
        condition.broadcast()
        while threadsRunning > 0 { condition.wait() }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while true {
            while head == queue.count, !stopping { condition.wait() }
            if head == queue.count || failure != nil { break }
            let job = queue[head]
            queue[head] = Job(path: "", bytes: [], unlink: false, newFolders: [])
            head += 1
            if head == queue.count || head >= 4096 {
                queue.removeFirst(head)
                head = 0
            }
            writing += 1
            condition.unlock()
            var error: (any Error)?
            do { try Self.perform(job) } catch let caught { error = caught }
            if error == nil { wrote(job.bytes.count) }
            condition.lock()
            writing -= 1
            queuedBytes -= job.bytes.count
            if let error, failure == nil { failure = error }
            condition.broadcast()
            if failure != nil { break }
        }
        threadsRunning -= 1
        condition.broadcast()
        condition.unlock()
    }
}
