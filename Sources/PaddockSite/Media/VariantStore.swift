import Foundation
import PaddockMedia
import PaddockPublish

/// The variants made of each original, kept in the cache between builds (`media/variants/`):
/// a manifest per original (`<key>.json`: size, placeholder, variants, or why it was refused)
/// and the variants' files in `<key>/` named by width, quality and format. An original is decoded
/// only for variants its manifest lacks.
struct VariantStore: Sendable {
    let folder: URL

    init(cache: URL) { folder = cache.appending(path: "media/variants", directoryHint: .isDirectory) }

    struct Manifest: Codable, Sendable {
        struct Entry: Codable, Sendable, Hashable {
            var width: Int
            var height: Int
            var format: ImageFormat
            var quality: Int
            var file: String
        }
        var width: Int
        var height: Int
        var placeholder: String?
        var colour: String?
        var variants: [Entry]
        /// Why the original was refused, under the limits named by `limits`.
        var refused: String?
        var limits: String?
        /// The last build that used it (pruning).
        var usedAt: Date
    }

    func manifestURL(_ key: String) -> URL { folder.appending(path: "\(key).json") }
    func fileURL(_ key: String, _ name: String) -> URL { folder.appending(path: key).appending(path: name) }

    func manifest(_ key: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: manifestURL(key).path) else { return nil }
        return try? Self.decoder.decode(Manifest.self, from: data)
    }

    func save(_ manifest: Manifest, key: String) throws {
        try AtomicFile.write(try Self.encoder.encode(manifest), to: manifestURL(key))
    }

    func write(_ bytes: Data, key: String, name: String) throws {
        try AtomicFile.write(bytes, to: fileURL(key, name))
    }

    static func fileName(width: Int, format: ImageFormat, quality: Int) -> String {
        "\(width)-q\(quality).\(format.fileExtension)"
    }

    /// Deletes every original's manifest and variants no build used for `days` days.
    func prune(olderThan days: Int, now: Date = Date()) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".json") {
            let key = String(name.dropLast(5))
            guard let manifest = manifest(key), now.timeIntervalSince(manifest.usedAt) > Double(days) * 86_400 else { continue }
            try? manager.removeItem(at: folder.appending(path: key))
            try? manager.removeItem(at: manifestURL(key))
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
