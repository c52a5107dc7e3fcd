import Crypto
import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// Pictures mirrored through the real transport from the sandbox over loopback: stored once by
/// content, revalidated, and every hostile case refused with its reason while the rest is kept.
@Suite struct MediaMirrorTests {
    static func references(_ sandbox: SandboxServer, _ names: [String]) -> [MediaReference] {
        names.map { MediaReference(url: sandbox.mediaBaseURL + "/" + $0, item: "test \($0)") }
    }

    static func fetcher(_ sandbox: SandboxServer, cache: URL, references: [MediaReference],
                        media: MediaMirrorConfiguration = MediaMirrorConfiguration()) -> CatalogueFetcher {
        var config = SourcesTest.configuration(sandbox, cache: cache, equicty: false)
        config.media = media
        var fetcher = SourcesTest.fetcher(config, SourcesTest.credentials(sandbox))
        fetcher.mediaReferences = { _ in references }
        return fetcher
    }

    @Test func storesEachPictureOnceByContentAndRevalidatesItLater() async throws {
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox { sandbox in
            let names = ["generated/1600x1200.jpg", "generated/900x1600.webp", "generated/800x600.png", "generated/1200x900-o6.jpg"]
            // The same picture under two item names is fetched once.
            let references = Self.references(sandbox, names) + [MediaReference(url: sandbox.mediaBaseURL + "/" + names[0], item: "again")]
            let progress = ProgressLog()
            let first = try await Self.fetcher(sandbox, cache: cache, references: references)
                .fetch(mode: .network) { progress.add($0) }
            #expect(first.pictures == PictureCounts(downloaded: 4))
            #expect(first.warnings.isEmpty, "\(first.warnings)")
            #expect(progress.last(of: "Pictures") == FetchProgress(source: "Pictures", done: 4, total: 4))
            let index = MirroredMedia.load(from: cache)
            for name in names {
                let url = sandbox.mediaBaseURL + "/" + name
                let file = try #require(index.file(for: url, in: cache))
                let bytes = try Data(contentsOf: file)
                #expect(SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() == file.lastPathComponent)
                #expect(index.entries[url]?.etag != nil)
            }
            #expect(await sandbox.requestLog.requests(pathContaining: "/media/generated/").count == 4)

            // The next fetch asks with the validators and downloads nothing.
            await sandbox.requestLog.clear()
            let second = try await Self.fetcher(sandbox, cache: cache, references: references).fetch(mode: .network)
            #expect(second.pictures == PictureCounts(unchanged: 4))
            let asked = await sandbox.requestLog.requests(pathContaining: "/media/generated/")
            #expect(asked.count == 4 && asked.allSatisfy { $0.headers["if-none-match"] != nil && $0.status == 304 })
        }
    }

    @Test func refusesEveryHostilePictureWithItsReasonAndKeepsTheRest() async throws {
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox { sandbox in
            let hostile = HostilePicture.referenced.map { "hostile/\($0.rawValue)" }
            let references = Self.references(sandbox, ["generated/640x480.jpg"] + hostile)
            // A short time limit for the trickling server; a size limit under the 30 MB one.
            let media = MediaMirrorConfiguration(maxBytes: 20 << 20, timeLimit: .seconds(30))
            let started = ContinuousClock.now
            let report = try await Self.fetcher(sandbox, cache: cache, references: references, media: media).fetch(mode: .network)
            #expect(ContinuousClock.now - started < .seconds(240), "the trickle (ten minutes) is bounded by the time limit")
            #expect(report.pictures?.downloaded == 1 + 4, "the good one, and four bad ones that still look like pictures")
            func warning(_ picture: HostilePicture) -> String? {
                report.warnings.first { $0.contains("test hostile/\(picture.rawValue)") }
            }
            #expect(warning(.notAnImage)?.contains("not a picture") == true, "\(String(describing: warning(.notAnImage)))")
            #expect(warning(.svg)?.contains("not a picture") == true)
            #expect(warning(.tooBig)?.contains("more than 20971520 bytes (media.max_bytes)") == true)
            #expect(warning(.trickle)?.contains("time limit") == true, "\(String(describing: warning(.trickle)))")
            #expect(warning(.redirectLoop)?.contains("redirect loop") == true)
            #expect(warning(.redirectToFile)?.contains("non-HTTP address (file:)") == true)
            #expect(warning(.redirectToClosedPort) != nil)
            // Bombs, huge headers, truncated files and long GIFs look like pictures here; the build
            // judges their headers (PaddockMedia) before decoding.
            for picture in [HostilePicture.decompressionBomb, .hugeHeader, .truncated, .animatedGIF] { #expect(warning(picture) == nil) }
            let index = MirroredMedia.load(from: cache)
            #expect(index.file(for: sandbox.mediaBaseURL + "/generated/640x480.jpg", in: cache) != nil)
            #expect(index.entries[sandbox.mediaBaseURL + "/hostile/to-file.jpg"]?.refused != nil)
            // Nothing but pictures in the store.
            let stored = try FileManager.default.contentsOfDirectory(atPath: MirroredMedia.originalsFolder(in: cache).path)
            #expect(stored.count == 5)
            #expect(await sandbox.requestLog.requests(pathContaining: "passwd").isEmpty)
        }
    }
}

/// Progress updates from any task.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var updates: [FetchProgress] = []
    func add(_ update: FetchProgress) { lock.withLock { updates.append(update) } }
    func last(of source: String) -> FetchProgress? { lock.withLock { updates.last { $0.source == source } } }
}
