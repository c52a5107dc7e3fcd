#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension FileWatcher {
    /// The stamps of every file below the watched paths (a watched file counts itself).
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in paths {
            let path = root.path
            guard let stamp = Self.stamp(path) else { continue }
            stamps[path] = stamp
            guard let enumerator = FileManager.default.enumerator(atPath: path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = path + "/" + relative
                if let stamp = Self.stamp(full) { stamps[full] = stamp }
            }
        }
        return stamps
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let isDirectory = info.st_mode & S_IFMT == S_IFDIR
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        // A folder's own size and time change with its entries, which are stamped themselves.
        return Stamp(
            size: isDirectory ? 0 : Int(info.st_size),
            modifiedNanoseconds: isDirectory ? 0 : Int(time.tv_sec) &* 1_000_000_000 &+ Int(time.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}
