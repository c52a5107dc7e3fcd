import Foundation

/// The content digests of one release: the file beside it (`r000012.manifest`), one line per file,
/// `<sha256 hex> <size> <path>`, sorted by path.
struct PublishManifest: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var digest: String
        var size: Int
    }

    var entries: [String: Entry] = [:]

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    init?(text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 64, let size = Int(parts[1]) else { return nil }
            entries[String(parts[2])] = Entry(digest: String(parts[0]), size: size)
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// ``text`` as UTF-8, made without string interpolation (a release has tens of thousands of lines).
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 120)
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            bytes += entry.digest.utf8
            bytes.append(UInt8(ascii: " "))
            bytes += String(entry.size).utf8
            bytes.append(UInt8(ascii: " "))
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in bytes { result.append(digits[Int(byte >> 4)]); result.append(digits[Int(byte & 15)]) }
        return String(decoding: result, as: UTF8.self)
    }
}
