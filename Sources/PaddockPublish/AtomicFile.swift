#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The one way Paddock writes a file whole or not at all: a new temporary file beside it
/// (`O_EXCL`, with the final mode from the start), renamed over it. Readers see the old file or
/// the new one, never half of either; a crash leaves at most a hidden temporary file.
package enum AtomicFile {
    /// Writes `bytes` to `path`, creating its folder when missing.
    /// - Parameters:
    ///   - mode: the file's permission bits (0600 for secrets).
    ///   - sync: flush the file to disk before the rename (files that cannot be rebuilt, such as
    ///     credentials); caches and memos skip it, a lost newest copy only costs a rebuild.
    /// - Throws: ``PublishError/io(operation:path:errno:)`` naming the step and the path.
    package static func write(_ bytes: some ContiguousBytes, to path: String, mode: mode_t = 0o644, sync: Bool = false) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try POSIXFileSystem.makeDirectoryTree(folder)
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/.\(name).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw POSIXFileSystem.fail("create", temporary) }
        do {
            defer { close(fd) }
            try bytes.withUnsafeBytes { try POSIXFileSystem.write($0, to: fd, path: temporary) }
            if sync, fsync(fd) != 0 { throw POSIXFileSystem.fail("sync", temporary) }
        } catch {
            unlink(temporary)
            throw error
        }
        do { try POSIXFileSystem.move(temporary, path) } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes `url` (see ``write(_:to:mode:sync:)``).
    package static func write(_ bytes: some ContiguousBytes, to url: URL, mode: mode_t = 0o644, sync: Bool = false) throws {
        try write(bytes, to: url.path, mode: mode, sync: sync)
    }
}
