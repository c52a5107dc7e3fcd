#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation

/// SHA-256 digests of whole files, remembered for the life of the process by the file's identity
/// (device, inode, size, modification and change times, to the nanosecond): a build digests the
/// cache's catalogue snapshots for its fingerprint and again when it reads them, and that is one
/// read of the bytes. A file rewritten in any way (the cache renames a new file over the old)
/// has another identity and is digested anew.
public enum FileDigests {
    private static let memo = Memo()

    /// The SHA-256 of the file at `url` (its bytes mapped, not copied).
    public static func sha256(of url: URL) throws -> [UInt8] {
        let path = url.path
        let before = identity(path)
        if let before, let known = memo.digest(path, before) { return known }
        let digest = Array(SHA256.hash(data: try Data(contentsOf: url, options: .alwaysMapped)))
        // Remembered only when the file did not change while it was read.
        if let before, identity(path) == before { memo.remember(digest, path, before) }
        return digest
    }

    /// The last digest of each path (a long-running server rebuilds after every fetch: one entry
    /// per file, not one per version of it).
    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var digests: [String: (identity: Identity, digest: [UInt8])] = [:]
        func digest(_ path: String, _ identity: Identity) -> [UInt8]? {
            lock.withLock { digests[path].flatMap { $0.identity == identity ? $0.digest : nil } }
        }
        func remember(_ digest: [UInt8], _ path: String, _ identity: Identity) { lock.withLock { digests[path] = (identity, digest) } }
    }

    private struct Identity: Hashable {
        var device: UInt64, inode: UInt64, size: Int64
        var modified: Int64, modifiedNanoseconds: Int64, changed: Int64, changedNanoseconds: Int64
    }

    private static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modified: Int64(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec),
                        changed: Int64(info.st_ctimespec.tv_sec), changedNanoseconds: Int64(info.st_ctimespec.tv_nsec))
        #else
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                        changed: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
        #endif
    }
}
