#if canImport(Glibc)
import Glibc
#endif
import Foundation

// The floor for writing a site: every file of an already built site, read into memory first, then
// written into a fresh folder with plain POSIX mkdir/open/write/close (no fsync). Prints seconds.
// Usage: scripts/bench WriteFloor SITE_FOLDER FRESH_FOLDER (scripts/bench-build runs it)
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: WriteFloor SITE_FOLDER FRESH_FOLDER\n".utf8))
    exit(2)
}
let source = URL(filePath: arguments[1]).resolvingSymlinksInPath()
let target = arguments[2]
var files: [(String, [UInt8])] = []
var folders: Set<String> = []
let prefix = source.path + "/"
for case let url as URL in FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey])! {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
    let relative = String(url.resolvingSymlinksInPath().path.dropFirst(prefix.count))
    files.append((relative, Array(try Data(contentsOf: url))))
    var folder = (relative as NSString).deletingLastPathComponent
    while !folder.isEmpty, folders.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
}
let start = ContinuousClock.now
mkdir(target, 0o755)
for folder in folders.sorted() { mkdir(target + "/" + folder, 0o755) }
for (path, bytes) in files {
    let fd = open(target + "/" + path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    precondition(fd >= 0, "cannot create \(path)")
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    precondition(written == bytes.count)
    close(fd)
}
let elapsed = ContinuousClock.now - start
let seconds = elapsed / .seconds(1)
print(String(format: "%d files, %d bytes, %.3f s", files.count, files.reduce(0) { $0 + $1.1.count }, seconds))
