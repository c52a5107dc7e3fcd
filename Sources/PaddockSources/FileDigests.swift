#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation

/// SHA-256 digests of whole files, remembered by the file's identity (device, inode, size,
/// modification and change times, to the nanosecond): for the life of the process, and with
/// `sidecar` also across processes, in a small file beside it (`catalogue-en.json.sha256`). A
/// build digests the cache's catalogue snapshots for its fingerprint and again when it reads them;
/// with the sidecar, a build after the first reads no byte of them for that (29 MB for 10,000
/// horses, about 20 ms of a no-change rebuild's 40 ms). A file rewritten in any way (the cache
/// renames a new file over the old) has another identity and is digested anew.
///
/// Like git's index, a sidecar is written only for a file last changed at least
/// ``sidecarMargin`` ago: file times advance in clock ticks, so a file changed again within the
/// tick of the stat could keep its identity; any change after the sidecar is written gets a later
/// change time, which no longer matches.
package enum FileDigests {
    private static let memo = Memo()

    /// How long a file must have been left alone before its digest is kept in a sidecar.
    static let sidecarMargin: TimeInterval = 2

    /// The SHA-256 of the file at `url` (its bytes mapped, not copied).
    /// - Parameter sidecar: also look for, and keep, the digest in `url.path + ".sha256"`. Failing
    ///   to write it (a read-only folder) only costs the next process the digest.
    package static func sha256(of url: URL, sidecar: Bool = false) throws -> [UInt8] {
        try sha256(of: url, sidecar: sidecar, now: Date(), processMemo: true)
    }

    /// ``sha256(of:sidecar:)`` at the time `now`, with or without the process's memo (for tests).
    static func sha256(of url: URL, sidecar: Bool, now: Date, processMemo: Bool) throws -> [UInt8] {
        let path = url.path
        let before = identity(path)
        if processMemo, let before, let known = memo.digest(path, before) { return known }
        let sidecarPath = path + ".sha256"
        if sidecar, let before, let known = readSidecar(sidecarPath, identity: before) {
            if processMemo { memo.remember(known, path, before) }
            return known
        }
        let digest = Array(SHA256.hash(data: try Data(contentsOf: url, options: .alwaysMapped)))
        // Remembered only when the file did not change while it was read.
        if let before, identity(path) == before {
            if processMemo { memo.remember(digest, path, before) }
            let settled = now.timeIntervalSince1970 - sidecarMargin
            if sidecar, before.modifiedSeconds < settled, before.changedSeconds < settled {
                try? CacheFile.write(Data(sidecarLine(before, digest).utf8), to: URL(filePath: sidecarPath))
            }
        }
        return digest
    }

    private static let sidecarTag = "paddock-file-digest-1"

    private static func sidecarLine(_ identity: Identity, _ digest: [UInt8]) -> String {
        let fields = [identity.device, identity.inode].map(String.init)
            + [identity.size, identity.modified, identity.modifiedNanoseconds, identity.changed, identity.changedNanoseconds].map(String.init)
        return ([sidecarTag] + fields + [digest.map { String(format: "%02x", $0) }.joined()]).joined(separator: " ") + "\n"
    }

    /// The digest a sidecar keeps for exactly `identity`, else `nil` (absent, damaged, stale).
    private static func readSidecar(_ path: String, identity: Identity) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 512,
              let text = String(data: data, encoding: .utf8), text.hasSuffix("\n") else { return nil }
        let fields = text.dropLast().split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 9, fields[0] == sidecarTag, let device = UInt64(fields[1]), let inode = UInt64(fields[2]) else { return nil }
        let numbers = fields[3...7].compactMap { Int64($0) }
        guard numbers.count == 5 else { return nil }
        let kept = Identity(device: device, inode: inode, size: numbers[0], modified: numbers[1], modifiedNanoseconds: numbers[2],
                            changed: numbers[3], changedNanoseconds: numbers[4])
        let hex = Array(fields[8].utf8)
        guard kept == identity, hex.count == 64 else { return nil }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            digest.append(byte)
        }
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

        var modifiedSeconds: TimeInterval { TimeInterval(modified) + TimeInterval(modifiedNanoseconds) / 1e9 }
        var changedSeconds: TimeInterval { TimeInterval(changed) + TimeInterval(changedNanoseconds) / 1e9 }
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
