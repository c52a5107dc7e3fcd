import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// Cached answers are revalidated with the validators they came with: a 304 means the cached copy
/// is current, and it is used without being downloaded again.
@Suite struct RevalidationTests {
    /// The cached GET answers (Equicty details, Husbandry pages) of a fetch, by their file.
    static func cachedGETs(_ cache: URL) throws -> [URL: (key: CacheKey, entry: ResponseCache.Entry)] {
        let store = ResponseCache(folder: cache)
        var result: [URL: (CacheKey, ResponseCache.Entry)] = [:]
        for language in ["en", "nl"] {
            for id in try DemoData.catalogues(languages: [language], mediaBaseURL: "").first!.horses.map(\.id) {
                let key = CacheKey(service: .equicty, language: language, name: "horse-\(id)")
                if let entry = try store.entry(for: key) { result[store.url(for: key)] = (key, entry) }
            }
        }
        for page in 1...100 {
            let key = CacheKey(service: .husbandry, language: nil, name: "animals-page-\(page)")
            guard let entry = try store.entry(for: key) else { break }
            result[store.url(for: key)] = (key, entry)
        }
        return result
    }

    /// Rewrites a cached answer's metadata (its body stays).
    static func rewrite(_ cache: URL, _ key: CacheKey, _ entry: ResponseCache.Entry, fetchedAt: Date, validators: CacheValidators) throws {
        try ResponseCache(folder: cache).store(entry.body, for: key, item: entry.metadata.item, url: entry.metadata.url,
                                               fetchedAt: fetchedAt, validators: validators)
    }

    @Test(arguments: [HusbandrySourceConfiguration.Version.v1, .v2])
    func aSecondFetchIsAnswered304AndTheCachedBodiesStandIn(husbandry version: HusbandrySourceConfiguration.Version) async throws {
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache, languages: ["en", "nl"], husbandry: version, pageSize: 5)
            let first = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, refreshToken: await sandbox.mintRefreshToken()))
                .fetch(mode: .network)
            #expect(first.revalidated == 0 && first.bytesSavedByRevalidation == 0)
            // Each kept with its validators; made to look a day old.
            let cached = try Self.cachedGETs(cache)
            let pages = cached.values.filter { $0.key.service == .husbandry }.count
            #expect(cached.count == 60 + pages && pages >= 2, "30 horses in 2 languages, the animals in pages of 5")
            let dayOld = Date().addingTimeInterval(-86_400)
            for (key, entry) in cached.values {
                #expect(!entry.metadata.validators.isEmpty, "\(entry.metadata.item) kept its validators")
                try Self.rewrite(cache, key, entry, fetchedAt: dayOld, validators: entry.metadata.validators)
            }
            await sandbox.requestLog.clear()

            let second = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, refreshToken: await sandbox.mintRefreshToken()))
                .fetch(mode: .network)
            #expect(second.failures.isEmpty)
            #expect(second.warnings.allSatisfy { $0.contains("new refresh token") }, "\(second.warnings)")
            let log = await sandbox.requestLog.requests.filter { $0.service != .husbandryOAuth }
            let gets = log.filter { $0.method == "GET" }
            #expect(gets.count == cached.count)
            #expect(gets.allSatisfy { $0.status == 304 }, "\(gets.filter { $0.status != 304 }.map(\.path))")
            // Each sent back what it had: Equicty details both, v1 pages Last-Modified, v2 pages the ETag.
            for request in gets {
                let sentTag = request.headers["if-none-match"] != nil, sentDate = request.headers["if-modified-since"] != nil
                switch request.service {
                case .equicty: #expect(sentTag && sentDate, "\(request.path)")
                case .husbandryV1: #expect(!sentTag && sentDate, "\(request.path)")
                default: #expect(sentTag && !sentDate, "\(request.path)")
                }
            }
            #expect(log.filter { $0.method == "POST" }.allSatisfy { $0.status == 200 && $0.headers["if-none-match"] == nil },
                    "lists and pedigrees are POSTs: never conditional")
            #expect(second.revalidated == cached.count)
            let cachedBytes = cached.values.map(\.entry.body.count).reduce(0, +)
            #expect(second.bytesSavedByRevalidation == cachedBytes && cachedBytes > 0)
            for (x, y) in zip(first.catalogues, second.catalogues) {
                #expect(x.horses == y.horses && x.animals == y.animals, "\(x.language): the cached copies stood in")
            }
            // The cached copies were kept, their fetch time renewed.
            for (file, old) in cached {
                let now = try #require(try ResponseCache(folder: cache).entry(for: old.key), "\(file.lastPathComponent)")
                #expect(now.body == old.entry.body && now.metadata.validators == old.entry.metadata.validators)
                #expect(abs(now.metadata.fetchedAt.timeIntervalSinceNow) < 600, "\(old.entry.metadata.item): fetched_at renewed")
            }
        }
    }

    @Test func aStaleValidatorGetsTheWholeAnswerAndItsNewValidators() async throws {
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache, husbandry: .v1)
            _ = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let store = ResponseCache(folder: cache)
            let horse = CacheKey(service: .equicty, language: "en", name: "horse-1208")
            let page = CacheKey(service: .husbandry, language: nil, name: "animals-page-1")
            let horseEntry = try #require(try store.entry(for: horse)), pageEntry = try #require(try store.entry(for: page))
            // Another ETag (the date alone would match: If-None-Match wins), and a date before the page's.
            try Self.rewrite(cache, horse, horseEntry, fetchedAt: horseEntry.metadata.fetchedAt,
                             validators: CacheValidators(etag: "\"stale\"", lastModified: horseEntry.metadata.lastModified))
            try Self.rewrite(cache, page, pageEntry, fetchedAt: pageEntry.metadata.fetchedAt,
                             validators: CacheValidators(lastModified: "Mon, 01 Jan 2001 00:00:00 GMT"))
            let everything = try Self.cachedGETs(cache).values.map(\.entry.body.count).reduce(0, +)
            await sandbox.requestLog.clear()

            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let answered = await sandbox.requestLog.requests
            #expect(answered.first { $0.path.hasSuffix("/horses/1208") }?.status == 200)
            #expect(answered.first { $0.path.hasSuffix("/animals") }?.status == 200)
            #expect(report.bytesSavedByRevalidation == everything - horseEntry.body.count - pageEntry.body.count)
            #expect(try store.entry(for: horse)?.metadata.validators == horseEntry.metadata.validators, "the real ETag again")
            #expect(try store.entry(for: page)?.metadata.validators == pageEntry.metadata.validators)
        }
    }
}
