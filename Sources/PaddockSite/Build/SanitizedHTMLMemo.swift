import Crypto
import Foundation
import PaddockPublish
import PaddockHTML

/// HorseTelex pedigree HTML as earlier builds sanitised it, kept in the site's cache so that a
/// build runs ``HorseTelexSanitizer`` (a libxml2 parse per pedigree) only for new or changed ones.
///
/// The file (`horsetelex-sanitized.bin` in the cache folder) starts with a line naming the
/// sanitiser's output version and the `paddock` binary that wrote it (path, size, modification
/// time): another binary may sanitise differently, so its entries are ignored. Then one record
/// per pedigree: the SHA-256 of the raw HTML (32 bytes), whether a HorseTelex logo survived (1 byte), the length of the sanitised HTML
/// (4 bytes, little-endian) and its UTF-8 bytes. Saving keeps only the entries this build used (a
/// build of demo data adds its own and drops none), written to a temporary file and renamed, so a
/// killed build leaves the old memo or the new one.
/// A damaged or foreign file is ignored (everything is sanitised anew).
///
/// Safe to call from several render threads at once.
final class SanitizedHTMLMemo: @unchecked Sendable {
    let file: URL
    private let version: String
    private let lock = NSLock()
    private var known: [Data: SanitizedHTML] = [:]
    private var used: [Data: SanitizedHTML] = [:]
    private var sanitisedNow = 0

    /// The version of the memos this binary writes and reads: the sanitiser's output version
    /// (``HorseTelexSanitizer/outputVersion``) and the binary (``BuildFingerprint/binaryStamp``).
    static var currentVersion: String { "sanitizer \(HorseTelexSanitizer.outputVersion) \(BuildFingerprint.binaryStamp)" }

    /// - Parameter version: names the code that sanitises (``currentVersion``).
    init(file: URL, version: String) {
        self.file = file
        self.version = version
        if let data = FileManager.default.contents(atPath: file.path) { known = Self.entries(in: data, version: version) ?? [:] }
    }

    /// Pedigrees sanitised in this build (not found in the memo).
    var misses: Int { lock.withLock { sanitisedNow } }

    /// The sanitised form of `html`: from the memo, or made by `sanitize` and remembered.
    func sanitized(_ html: String, by sanitize: (String) -> SanitizedHTML) -> SanitizedHTML {
        let key = Data(SHA256.hash(data: Data(html.utf8)))
        if let hit: SanitizedHTML = lock.withLock({
            guard let hit = used[key] ?? known[key] else { return nil }
            used[key] = hit
            return hit
        }) { return hit }
        let clean = sanitize(html)
        lock.withLock { used[key] = clean; sanitisedNow += 1 }
        return clean
    }

    /// Writes the entries used in this build, when that differs from what the file holds.
    /// - Parameter keepingUnused: also keep the entries this build did not use (a build of demo
    ///   data must not drop the memo of the site's real catalogue).
    func save(keepingUnused: Bool = false) {
        let (entries, changed) = lock.withLock {
            keepingUnused ? (known.merging(used) { _, new in new }, sanitisedNow > 0)
                          : (used, sanitisedNow > 0 || used.count != known.count)
        }
        guard changed else { return }
        var bytes = [UInt8]((version + "\n").utf8)
        for key in entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let entry = entries[key]!
            let html = Array(entry.html.utf8)
            bytes += key
            bytes.append(entry.hasHorseTelexLogo ? 1 : 0)
            withUnsafeBytes(of: UInt32(html.count).littleEndian) { bytes += $0 }
            bytes += html
        }
        do {
            try AtomicFile.write(bytes, to: file)
            lock.withLock { known = entries; sanitisedNow = 0 }
        } catch {
            // A memo that cannot be written only costs time: the next build sanitises again.
        }
    }

    /// The records of a memo file written by `version`, or `nil` when it is another's or damaged.
    static func entries(in data: Data, version: String) -> [Data: SanitizedHTML]? {
        let bytes = [UInt8](data)
        let header = Array((version + "\n").utf8)
        guard bytes.count >= header.count, bytes[..<header.count].elementsEqual(header) else { return nil }
        var entries: [Data: SanitizedHTML] = [:]
        var index = header.count
        while index < bytes.count {
            guard index + 37 <= bytes.count else { return nil }
            let key = Data(bytes[index..<index + 32])
            let logo = bytes[index + 32] == 1
            let length = Int(UInt32(bytes[index + 33]) | UInt32(bytes[index + 34]) << 8 | UInt32(bytes[index + 35]) << 16 | UInt32(bytes[index + 36]) << 24)
            index += 37
            guard index + length <= bytes.count else { return nil }
            entries[key] = SanitizedHTML(html: String(decoding: bytes[index..<index + length], as: UTF8.self), hasHorseTelexLogo: logo)
            index += length
        }
        return entries
    }
}
