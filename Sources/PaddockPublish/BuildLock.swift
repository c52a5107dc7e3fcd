#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The one lock that keeps two builds of a site (cron, webhook, preview) from overlapping.
///
/// An advisory `flock(2)` on a file beside the site's config: the kernel drops it when the
/// process exits, so a killed build never leaves a stale lock behind.
///
/// ```swift
/// let lock = try BuildLock.acquire(at: siteRoot.appending(path: ".paddock/build.lock"), wait: true)
/// defer { lock.release() }
/// ```
package final class BuildLock: @unchecked Sendable {
    private var descriptor: Int32
    package let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock at `url`, creating the file and its folder when missing.
    /// - Parameter wait: `true` blocks until the holder releases it; `false` throws
    ///   ``BuildLockError/busy(path:)`` at once when another build holds it.
    package static func acquire(at url: URL, wait: Bool) throws -> BuildLock {
        let path = url.path
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildLockError.cannotOpen(path: path, errno: errno) }
        while true {
            if flock(fd, wait ? LOCK_EX : (LOCK_EX | LOCK_NB)) == 0 { break }
            let code = errno
            if code == EINTR { continue }
            close(fd)
            if code == EWOULDBLOCK { throw BuildLockError.busy(path: path) }
            throw BuildLockError.cannotOpen(path: path, errno: code)
        }
        return BuildLock(descriptor: fd, path: path)
    }

    /// Takes the lock at `url` without blocking a thread of the concurrency pool: tries, and sleeps
    /// `interval` between tries until the holder releases it or the task is cancelled.
    /// - Parameter onFirstWait: called once, when the lock is found busy (to tell people why nothing happens).
    /// - Throws: `CancellationError`, or ``BuildLockError/cannotOpen(path:errno:)``.
    package static func acquire(at url: URL, pollingEvery interval: Duration,
                               isolation: isolated (any Actor)? = #isolation,
                               onFirstWait: () -> Void = {}) async throws -> BuildLock {
        var waited = false
        while true {
            try Task.checkCancellation()
            do {
                return try acquire(at: url, wait: false)
            } catch BuildLockError.busy {
                if !waited { waited = true; onFirstWait() }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// Releases the lock; calling it twice is harmless.
    package func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

/// Why a build lock could not be taken.
package enum BuildLockError: Error, CustomStringConvertible, Equatable {
    /// Another build holds the lock and the caller asked not to wait.
    case busy(path: String)
    case cannotOpen(path: String, errno: Int32)

    package var description: String {
        switch self {
        case .busy(let path): "another build is running (lock held: \(path))"
        case .cannotOpen(let path, let code): "cannot open the build lock \(path): \(String(cString: strerror(code)))"
        }
    }
}
