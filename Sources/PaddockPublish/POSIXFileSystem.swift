#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin POSIX calls for publishing: no fsync per file (Foundation's `Data.write` syncs every
/// file on Linux), errors as ``PublishError/io(operation:path:errno:)``.
package enum POSIXFileSystem {
    struct Status: Equatable {
        var isDirectory: Bool
        var isSymlink: Bool
        var isRegular: Bool
        var device: UInt64
        var inode: UInt64
        var size: Int
    }

    static func fail(_ operation: String, _ path: String) -> PublishError {
        .io(operation: operation, path: path, errno: errno)
    }

    /// `lstat`, or `nil` when nothing is there.
    static func status(_ path: String) -> Status? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return Status(isDirectory: type == S_IFDIR, isSymlink: type == S_IFLNK, isRegular: type == S_IFREG,
                      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size))
    }

    /// Creates (or truncates) `path` and writes `bytes`, without syncing.
    static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("create", path) }
        defer { close(fd) }
        try write(bytes, to: fd, path: path)
    }

    /// Writes all of `bytes` to the open file `fd` (retrying short writes and interruptions).
    static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 { if errno == EINTR { continue }; throw fail("write", path) }
            offset += count
        }
    }

    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try writeFile($0, to: path) }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("read", path) }
        return Array(data)
    }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw fail("create folder", path) }
    }

    static func hardLink(_ existing: String, _ new: String) -> Bool { link(existing, new) == 0 }

    static func unlinkFile(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT, errno != ENOTDIR { throw fail("remove", path) }
    }

    static func move(_ from: String, _ to: String) throws {
        if rename(from, to) != 0 { throw fail("rename \(from) to", to) }
    }

    static func makeSymlink(target: String, at path: String) throws {
        if symlink(target, path) != 0 { throw fail("create link", path) }
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Names in a folder (without `.` and `..`), with whether each is a folder (not following links).
    static func list(_ path: String) -> [(name: String, isDirectory: Bool)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) { isDirectory = status(path + "/" + name)?.isDirectory ?? false }
            result.append((name, isDirectory))
        }
        return result
    }

    /// Every file and folder below `root`, as relative paths.
    static func walk(_ root: String) -> (files: [String], folders: [String]) {
        var files: [String] = [], folders: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for (name, isDirectory) in list(relative.isEmpty ? root : root + "/" + relative) {
                let path = relative.isEmpty ? name : relative + "/" + name
                if isDirectory { folders.append(path); pending.append(path) } else { files.append(path) }
            }
        }
        return (files, folders)
    }

    /// Removes a file or a whole folder tree; missing is fine.
    static func removeTree(_ path: String) throws {
        guard let info = status(path) else { return }
        guard info.isDirectory else { return try unlinkFile(path) }
        let (files, folders) = walk(path)
        for file in files { try unlinkFile(path + "/" + file) }
        for folder in folders.sorted(by: { $0.count > $1.count }) where rmdir(path + "/" + folder) != 0 && errno != ENOENT {
            throw fail("remove folder", path + "/" + folder)
        }
        if rmdir(path) != 0, errno != ENOENT { throw fail("remove folder", path) }
    }

    /// Flushes the file system holding `path` to disk (one call for the whole release).
    static func syncFileSystem(of path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        #if os(Linux)
        // `syncfs` is a GNU extension the Glibc module does not export.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            _ = unsafeBitCast(symbol, to: SyncFS.self)(fd)
        } else {
            sync()
        }
        #else
        fsync(fd)
        #endif
        close(fd)
    }

    /// Atomically exchanges two paths (Linux `renameat2(RENAME_EXCHANGE)`); `false` when unsupported.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) == 0
        #else
        return false
        #endif
    }
}

extension POSIXFileSystem {
    /// `mkdir -p`.
    static func makeDirectoryTree(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PublishError.io(operation: "create folder", path: path, errno: EACCES)
        }
    }

    /// Gives `destination` the modification time of `source` (a copy standing in for a hard link).
    static func copyModificationTime(from source: String, to destination: String) throws {
        var info = stat()
        guard lstat(source, &info) == 0 else { throw fail("read the time of", source) }
        #if os(Linux)
        var times = [info.st_atim, info.st_mtim]
        #else
        var times = [info.st_atimespec, info.st_mtimespec]
        #endif
        if utimensat(AT_FDCWD, destination, &times, 0) != 0 { throw fail("set the time of", destination) }
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
