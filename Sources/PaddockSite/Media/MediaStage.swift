import Crypto
import Foundation
import Logging
import PaddockMedia
import PaddockPublish
import PaddockSources

/// The build's picture step: every picture the pages show, from its original (mirrored or the
/// site's own) to variants in the site under content-addressed names, each original decoded only
/// for the variants its manifest lacks. A picture that is missing, refused or fails to decode is a
/// warning naming its item and the reason; its pages show the placeholder.
struct MediaStage: Sendable {
    let settings: MediaSettings
    let cache: URL
    let threads: MediaThreads
    let logger: Logger

    struct Result: Sendable {
        var pictures: SitePictures
        var staticFiles: [StaticFile]
        var warnings: [String]
        /// Originals decoded by this build (0 when every variant was already made).
        var decoded: Int
        /// Originals whose variants all came from the store.
        var reused: Int
    }

    /// One original's outcome.
    private enum Outcome: Sendable {
        case ready(url: String, key: String, manifest: VariantStore.Manifest, decoded: Bool)
        case skipped(url: String, item: String, reason: String)
        /// Not one of the pictures this build can have (the demo's video thumbnails): no warning.
        case absent
    }

    func run(_ references: [MediaReference], files: PictureFiles) async throws -> Result {
        let store = VariantStore(cache: cache)
        let processor = ImageProcessor(settings: settings)
        let limits = "\(settings.maxBytes)/\(settings.maxPixels)/\(settings.maxFrames)"
        var result = Result(pictures: SitePictures(isMirroring: true), staticFiles: [], warnings: [], decoded: 0, reused: 0)
        var staticPaths = Set<String>()

        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var pending = references.makeIterator()
            func startNext() -> Bool {
                guard let reference = pending.next() else { return false }
                group.addTask {
                    try await prepare(reference, files: files, store: store, processor: processor, limits: limits)
                }
                return true
            }
            for _ in 0..<threads.count * 2 where !startNext() { break }
            while let outcome = try await group.next() {
                _ = startNext()
                switch outcome {
                case .absent:
                    break
                case .skipped(let url, let item, let reason):
                    result.warnings.append("the picture of \(item) is not shown (\(Self.loggable(url))): \(reason)")
                case .ready(let url, let key, let manifest, let decoded):
                    if decoded { result.decoded += 1 } else { result.reused += 1 }
                    var picture = SitePicture(width: manifest.width, height: manifest.height, variants: [],
                                              placeholder: manifest.placeholder, meanColour: manifest.colour)
                    for entry in wanted(manifest) {
                        let path = "media/\(key.prefix(20))-\(entry.file)"
                        picture.variants.append(.init(path: path, width: entry.width, height: entry.height, format: entry.format))
                        if staticPaths.insert(path).inserted {
                            result.staticFiles.append(StaticFile(path: path, source: store.fileURL(key, entry.file)))
                        }
                    }
                    result.pictures.byURL[url] = picture
                }
            }
        }
        store.prune(olderThan: settings.pruneAfterDays)
        logger.info("pictures", metadata: ["media.decoded": "\(result.decoded)", "media.reused": "\(result.reused)",
                                           "media.skipped": "\(result.warnings.count)"])
        return result
    }

    /// The variants of `manifest` the settings ask for.
    private func wanted(_ manifest: VariantStore.Manifest) -> [VariantStore.Manifest.Entry] {
        let widths = Set(settings.widths(forSourceWidth: manifest.width))
        return manifest.variants.filter { entry in
            widths.contains(entry.width) && settings.outputFormats.contains(entry.format) && settings.quality(of: entry.format) == entry.quality
        }
    }

    /// The manifest of one picture with every variant the settings ask for, made now if missing.
    private func prepare(_ reference: MediaReference, files: PictureFiles, store: VariantStore,
                         processor: ImageProcessor, limits: String) async throws -> Outcome {
        let original: (file: URL, key: String?)
        switch files.original(for: reference.url) {
        case .failure(let unavailable) where unavailable.isForeign: return .absent
        case .failure(let unavailable): return .skipped(url: reference.url, item: reference.item, reason: unavailable.reason)
        case .success(let found): original = found
        }
        // A mirrored original is named by its content; a local one is read to learn its key.
        let knownKey = original.key
        if let key = knownKey, let manifest = store.manifest(key) {
            if let refused = manifest.refused, manifest.limits == limits {
                return .skipped(url: reference.url, item: reference.item, reason: refused)
            }
            if manifest.refused == nil, isComplete(manifest) {
                try touch(manifest, key: key, store: store)
                return .ready(url: reference.url, key: key, manifest: manifest, decoded: false)
            }
        }
        let settings = settings
        let outcome: Outcome = try await threads.run { isCancelled in
            guard let bytes = FileManager.default.contents(atPath: original.file.path) else {
                return .skipped(url: reference.url, item: reference.item, reason: "its mirrored copy is missing")
            }
            let key = knownKey ?? SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            var manifest = store.manifest(key)
            if let manifest, manifest.refused == nil, self.isComplete(manifest) {
                return .ready(url: reference.url, key: key, manifest: manifest, decoded: false)
            }
            let header: ImageHeader
            do throws(MediaError) { header = try processor.inspect(bytes) } catch {
                let refused = VariantStore.Manifest(width: 0, height: 0, variants: [], refused: error.description, limits: limits, usedAt: Date())
                try? store.save(refused, key: key)
                return .skipped(url: reference.url, item: reference.item, reason: error.description)
            }
            if manifest?.refused != nil { manifest = nil }
            let have = Set((manifest?.variants ?? []).map { VariantRequest(width: $0.width, format: $0.format, quality: $0.quality) })
            let missing = processor.variants(for: header).filter { !have.contains($0) }
            let image: ProcessedImage
            do {
                image = try processor.process(bytes, header: header, variants: missing, placeholder: manifest?.placeholder == nil,
                                              isCancelled: isCancelled)
            } catch let error as MediaError {
                let refused = VariantStore.Manifest(width: header.displayWidth, height: header.displayHeight, variants: [],
                                                    refused: error.description, limits: limits, usedAt: Date())
                try? store.save(refused, key: key)
                return .skipped(url: reference.url, item: reference.item, reason: error.description)
            }
            var updated = manifest ?? VariantStore.Manifest(width: image.width, height: image.height, placeholder: image.placeholder,
                                                           colour: image.meanColour, variants: [], usedAt: Date())
            for variant in image.variants {
                let name = VariantStore.fileName(width: variant.width, format: variant.format, quality: variant.quality)
                try store.write(variant.bytes, key: key, name: name)
                updated.variants.removeAll { $0.file == name }
                updated.variants.append(.init(width: variant.width, height: variant.height, format: variant.format,
                                              quality: variant.quality, file: name))
            }
            updated.usedAt = Date()
            try store.save(updated, key: key)
            _ = settings
            return .ready(url: reference.url, key: key, manifest: updated, decoded: true)
        }
        return outcome
    }

    /// Every width and format the settings ask for is in the manifest.
    private func isComplete(_ manifest: VariantStore.Manifest) -> Bool {
        let have = Set(manifest.variants.map { VariantRequest(width: $0.width, format: $0.format, quality: $0.quality) })
        return manifest.placeholder != nil && settings.widths(forSourceWidth: manifest.width).allSatisfy { width in
            settings.outputFormats.allSatisfy { have.contains(VariantRequest(width: width, format: $0, quality: settings.quality(of: $0))) }
        }
    }

    /// Notes that a build used the manifest, at most once a day (pruning needs no finer time).
    private func touch(_ manifest: VariantStore.Manifest, key: String, store: VariantStore) throws {
        guard Date().timeIntervalSince(manifest.usedAt) > 86_400 else { return }
        var used = manifest
        used.usedAt = Date()
        try store.save(used, key: key)
    }

    static func loggable(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
