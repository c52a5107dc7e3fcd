import Foundation
import PaddockPublish

/// The cache's files are written whole or not at all (``AtomicFile`` of PaddockPublish), without
/// fsync: the cache is rebuilt by the next fetch, so a crash may lose the newest copy but never
/// leaves half a file.
enum CacheFile {
    static func write(_ data: Data, to url: URL) throws {
        do { try AtomicFile.write(data, to: url) }
        catch { throw SourcesError.cache(path: url.path, detail: "cannot write (\(error))") }
    }
}
