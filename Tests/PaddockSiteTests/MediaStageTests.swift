import Foundation
import Logging
import PaddockMedia
import PaddockSources
import Testing
@testable import PaddockSite

/// The build's picture step is incremental: a picture is decoded only for the variants its
/// manifest lacks, a rebuild with nothing new decodes nothing, and a settings change redoes only
/// what it affects.
@Suite struct MediaStageTests {
    static let logger = Logger(label: "test.media", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Three generated photographs as the site's own files, and their references.
    static func originals(in folder: URL) throws -> (PictureFiles, [MediaReference]) {
        let photos = folder.appending(path: "photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let made: [(String, Data)] = [
            ("landscape.jpg", try SamplePictures.photo(width: 1200, height: 900, format: .jpeg)),
            ("portrait.webp", try SamplePictures.photo(width: 600, height: 800, format: .webp)),
            ("rotated.jpg", try SamplePictures.photo(width: 800, height: 600, format: .jpeg, orientation: 8)),
        ]
        for (name, bytes) in made { try bytes.write(to: photos.appending(path: name)) }
        let prefix = "https://stable.example/media/demo/"
        return (.local(prefix: prefix, folder: photos), made.map { MediaReference(url: prefix + $0.0, item: "photo \($0.0)") })
    }

    static func stage(_ cache: URL, _ settings: MediaSettings) -> MediaStage {
        MediaStage(settings: settings, cache: cache, threads: MediaThreads(count: 2), logger: logger)
    }

    static func modificationDate(_ url: URL) throws -> Date {
        try #require(try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate)
    }

    @Test func decodesEachPictureOnceAndASettingsChangeRedoesOnlyWhatItAffects() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "paddock-media-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (files, references) = try Self.originals(in: folder)
        let cache = folder.appending(path: "cache")
        var settings = MediaSettings()
        settings.widths = [320, 640]

        let first = try await Self.stage(cache, settings).run(references, files: files)
        #expect(first.decoded == 3 && first.reused == 0 && first.warnings.isEmpty)
        // landscape 320, 640; portrait 320, 600; rotated (shown 600×800) 320, 600: three formats each.
        #expect(first.staticFiles.count == 3 * 2 * 3)
        let rotated = try #require(first.pictures.byURL[references[2].url])
        #expect(rotated.width == 600 && rotated.height == 800)
        #expect(Set(rotated.variants.map(\.width)) == [320, 600])
        // Content-addressed: the same bytes under the same name in every build.
        #expect(first.staticFiles.allSatisfy { $0.path.hasPrefix("media/") && FileManager.default.fileExists(atPath: $0.source.path) })

        let again = try await Self.stage(cache, settings).run(references, files: files)
        #expect(again.decoded == 0 && again.reused == 3)
        #expect(again.staticFiles.map(\.path).sorted() == first.staticFiles.map(\.path).sorted())

        // A new WebP quality: every picture is decoded again, but only its WebP files are written.
        let avif = try #require(first.staticFiles.first { $0.path.hasSuffix(".avif") })
        let avifWritten = try Self.modificationDate(avif.source)
        settings.quality[.webp] = 60
        let changed = try await Self.stage(cache, settings).run(references, files: files)
        #expect(changed.decoded == 3)
        #expect(try Self.modificationDate(avif.source) == avifWritten)
        #expect(changed.staticFiles.filter { $0.path.hasSuffix(".webp") }.allSatisfy { $0.path.contains("-q60.") })
        #expect(Set(changed.staticFiles.map(\.path)).subtracting(first.staticFiles.map(\.path)).allSatisfy { $0.hasSuffix("-q60.webp") })

        // A new width adds that width only where the picture is wide enough; the rest are kept.
        settings.widths = [320, 640, 1024]
        let wider = try await Self.stage(cache, settings).run(references, files: files)
        #expect(wider.decoded == 1, "only the 1200-pixel landscape gains a width")
        #expect(Set(wider.pictures.byURL[references[0].url]!.variants.map(\.width)) == [320, 640, 1024])
    }

    @Test func aPictureFailingToDecodeIsAWarningAndIsNotDecodedAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "paddock-media-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appending(path: "photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let whole = try SamplePictures.photo(width: 1200, height: 900, format: .jpeg)
        try whole.prefix(whole.count / 2).write(to: photos.appending(path: "cut.jpg"))
        try SamplePictures.animatedGIF(frames: 300).write(to: photos.appending(path: "long.gif"))
        let files = PictureFiles.local(prefix: "https://s.example/", folder: photos)
        let references = ["cut.jpg", "long.gif", "missing.jpg"].map { MediaReference(url: "https://s.example/\($0)", item: "photo \($0)") }
        let cache = folder.appending(path: "cache")
        let first = try await Self.stage(cache, MediaSettings()).run(references, files: files)
        #expect(first.pictures.byURL.isEmpty && first.decoded == 0)
        #expect(first.warnings.count == 3)
        #expect(first.warnings.contains { $0.contains("photo cut.jpg") && $0.contains("could not be decoded") })
        #expect(first.warnings.contains { $0.contains("photo long.gif") && $0.contains("300 frames") })
        #expect(first.warnings.contains { $0.contains("photo missing.jpg") && $0.contains("missing") })
    }
}
