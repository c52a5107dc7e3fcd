import Crypto
import Foundation
import PaddockCatalogue
import PaddockSandbox
import Testing
@testable import PaddockSources

/// The response cache: offline mode, fallback to a cached item with a warning, listing failures.
@Suite struct CacheTests {
    @Test func offlineModeRebuildsTheSameCatalogueWithoutARequest() async throws {
        let cache = try SourcesTest.temporaryFolder()
        let (online, config) = try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache, languages: ["en", "nl"], husbandry: .v1)
            return (try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network), config)
        }
        // The sandbox is stopped: any request would fail.
        let offline = try await SourcesTest.fetcher(config, Credentials()).fetch(mode: .offline)
        #expect(offline.requests == 0)
        #expect(offline.failures.isEmpty)
        for (a, b) in zip(online.catalogues, offline.catalogues) {
            #expect(a.horses == b.horses)
            #expect(a.animals == b.animals)
        }
        let snapshots = try await SourcesTest.fetcher(config, Credentials()).loadCachedCatalogues()
        #expect(snapshots.map(\.horses) == online.catalogues.map(\.horses))
    }

    @Test func loadingTheCachedCatalogueRebuildsAMissingSnapshotFromTheAnswers() async throws {
        let cache = try SourcesTest.temporaryFolder()
        let (online, config) = try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache)
            return (try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network), config)
        }
        try FileManager.default.removeItem(at: ResponseCache(folder: cache).catalogueURL(language: "en"))
        let loaded = try await SourcesTest.fetcher(config, Credentials()).loadCachedCatalogues()
        #expect(loaded.map(\.horses) == online.catalogues.map(\.horses))
    }

    @Test func eachCachedAnswerRecordsItsFetchTimeAndLanguage() async throws {
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache, languages: ["fr"])
            _ = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
        }
        let entry = try #require(try ResponseCache(folder: cache).entry(for: CacheKey(service: .equicty, language: "fr", name: "horse-1208")))
        #expect(entry.metadata.language == "fr")
        #expect(abs(entry.metadata.fetchedAt.timeIntervalSinceNow) < 600)
        #expect(entry.metadata.item == "horse 1208 (fr)")
        #expect(try Horse(equictyDetails: entry.body).id == "1208")
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFailedItemFallsBackToItsCachedCopyWithAWarning() async throws {
        let cache = try SourcesTest.temporaryFolder()
        let first = try await SourcesTest.withSandbox { sandbox in
            try await SourcesTest.fetcher(SourcesTest.configuration(sandbox, cache: cache), SourcesTest.credentials(sandbox)).fetch(mode: .network)
        }
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(503), trigger: .always, pathContains: "/public/web/horses/1208", method: "GET")]
        let second = try await SourcesTest.withSandbox(options) { sandbox in
            try await SourcesTest.fetcher(SourcesTest.configuration(sandbox, cache: cache), SourcesTest.credentials(sandbox)).fetch(mode: .network)
        }
        #expect(second.failures.isEmpty)
        #expect(second.isComplete)
        #expect(second.warnings.count == 1)
        #expect(second.warnings.first?.contains("horse 1208 (en)") == true)
        #expect(second.counts.first?.fromCache == 1)
        let before = first.catalogues[0].horses.first { $0.id == "1208" }
        let after = second.catalogues[0].horses.first { $0.id == "1208" }
        #expect(before?.pictures == after?.pictures)
        #expect(after?.pictures.isEmpty == false)
    }

    @Test func aFailedListingStopsTheRunEvenWithACache() async throws {
        let cache = try SourcesTest.temporaryFolder()
        _ = try await SourcesTest.withSandbox { sandbox in
            try await SourcesTest.fetcher(SourcesTest.configuration(sandbox, cache: cache), SourcesTest.credentials(sandbox)).fetch(mode: .network)
        }
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(500), trigger: .always, pathContains: "/public/web/horses", method: "POST")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let error = await #expect(throws: SourcesError.self) {
                try await SourcesTest.fetcher(SourcesTest.configuration(sandbox, cache: cache), SourcesTest.credentials(sandbox)).fetch(mode: .network)
            }
            guard case .listingFailed(.equicty, "horse list (en)", .httpStatus(_, _, 500, 3)) = error else {
                Issue.record("expected the list to fail after 3 tries, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func offlineWithoutACacheIsAnError() async throws {
        let config = SourcesConfiguration(equicty: EquictySourceConfiguration(baseURL: "http://127.0.0.1:9"),
                                          cacheFolder: try SourcesTest.temporaryFolder())
        await #expect(throws: SourcesError.listingFailed(service: .equicty, listing: "horse list (en)",
                                                         underlying: .notCached(service: .equicty, item: "horse list (en)"))) {
            try await SourcesTest.fetcher(config, Credentials()).fetch(mode: .offline)
        }
    }

    @Test func cacheFileNamesCannotTraverse() {
        #expect(CacheKey.safe("../../etc/passwd") == ".2E.2E.2F.2E.2E.2Fetc.2Fpasswd")
        #expect(CacheKey(service: .equicty, language: "../x", name: "a/b").relativePath == "equicty/.2E.2E.2Fx/a.2Fb.response")
    }

    @Test func aSnapshotDecodedOnEveryCoreIsTheCatalogueThatWasStored() throws {
        let cache = ResponseCache(folder: try SourcesTest.temporaryFolder())
        let stored = try DemoData.catalogues(mediaBaseURL: "http://127.0.0.1:1/media", includeHostile: true,
                                             horseCount: 300, animalCount: 500)[0]
        #expect(stored.horses.count >= 300)   // the hostile items come on top
        try cache.storeCatalogue(stored)
        let data = try Data(contentsOf: cache.catalogueURL(language: "en"))
        let plain = try ResponseCache.makeDecoder().decode(Catalogue.self, from: data)
        let parallel = try CatalogueSnapshotDecoding.decode(data, makeDecoder: ResponseCache.makeDecoder)
        #expect(parallel == plain)
        // What a build reads: the binary copy, the same catalogue to the last bit.
        #expect(FileManager.default.fileExists(atPath: cache.binaryCatalogueURL(language: "en").path))
        #expect(try cache.catalogue(language: "en") == plain)
        #expect(parallel.horses == stored.horses)
        #expect(parallel.animals == stored.animals)
        #expect(parallel.fetchedAt == plain.fetchedAt)
        // The arrays really are cut into several runs.
        let runs = [UInt8](data).withUnsafeBufferPointer { bytes in
            JSONElementRanges.topLevelArrays(in: bytes, keys: ["horses", "animals"])?["horses"]
                .flatMap { JSONElementRanges.runs(ofArray: $0, in: bytes) }
        }
        #expect((runs?.count ?? 0) > 1)
    }

    @Test func aSnapshotOfAnotherShapeIsDecodedThePlainWay() throws {
        let empty = Catalogue(language: "de")
        let data = try JSONEncoder().encode(empty)
        #expect(try CatalogueSnapshotDecoding.decode(data, makeDecoder: ResponseCache.makeDecoder) == empty)
        // Keys in another order, white space and strings holding brackets and quotes.
        let text = #"{ "language" : "nl", "animals" : [ ], "horses" : [ ] , "note": "[{\"]}" }"#
        let odd = try CatalogueSnapshotDecoding.decode(Data(text.utf8), makeDecoder: ResponseCache.makeDecoder)
        #expect(odd.language == "nl" && odd.horses.isEmpty && odd.animals.isEmpty)
        #expect(Array("[1, 2]".utf8).withUnsafeBufferPointer { JSONElementRanges.topLevelArrays(in: $0, keys: ["horses"]) } == nil)
    }

    @Test func theBinaryCopyFollowsTheJSONAndADamagedOneIsRemade() throws {
        let cache = ResponseCache(folder: try SourcesTest.temporaryFolder())
        let stored = try DemoData.catalogues(mediaBaseURL: "http://127.0.0.1:1/media", horseCount: 20, animalCount: 20)[0]
        try cache.storeCatalogue(stored)
        let jsonURL = cache.catalogueURL(language: "en"), binaryURL = cache.binaryCatalogueURL(language: "en")
        let firstBinary = try Data(contentsOf: binaryURL)

        // The JSON edited by hand: the binary copy no longer mirrors it, so the edit is read and the copy remade.
        let edited = try String(contentsOf: jsonURL, encoding: .utf8)
            .replacingOccurrences(of: "\"name\":\"\(stored.horses[0].name)\"", with: "\"name\":\"Renamed by hand\"")
        try Data(edited.utf8).write(to: jsonURL)
        let read = try #require(try cache.catalogue(language: "en"))
        #expect(read.horses[0].name == "Renamed by hand")
        let remade = try Data(contentsOf: binaryURL)
        #expect(remade != firstBinary)

        // A damaged copy is not trusted: the JSON is read and the copy written again.
        var damaged = remade
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: binaryURL)
        #expect(try cache.catalogue(language: "en") == read)
        #expect(try Data(contentsOf: binaryURL) == remade)
        // A missing one likewise.
        try FileManager.default.removeItem(at: binaryURL)
        #expect(try cache.catalogue(language: "en") == read)
        #expect(try Data(contentsOf: binaryURL) == remade)
    }

    @Test func aFileDigestIsRememberedUntilTheFileChanges() throws {
        let folder = try SourcesTest.temporaryFolder()
        let file = folder.appending(path: "snapshot.json")
        try Data("first version".utf8).write(to: file)
        let first = try FileDigests.sha256(of: file)
        #expect(first == Array(SHA256.hash(data: Data("first version".utf8))))
        #expect(try FileDigests.sha256(of: file) == first)
        // The same size, written in place: another modification time and change time, digested anew.
        usleep(5_000)
        try Data("other version".utf8).write(to: file)
        #expect(try FileDigests.sha256(of: file) == Array(SHA256.hash(data: Data("other version".utf8))))
        // Replaced by rename, as the cache writes it.
        try cacheWrite("third", to: file)
        #expect(try FileDigests.sha256(of: file) == Array(SHA256.hash(data: Data("third".utf8))))
        try FileManager.default.removeItem(at: file)
        #expect(throws: (any Error).self) { try FileDigests.sha256(of: file) }
    }

    @Test func aSettledFilesDigestIsKeptBesideItAndTrustedOnlyForThatVeryFile() throws {
        let folder = try SourcesTest.temporaryFolder()
        let file = folder.appending(path: "snapshot.json")
        let sidecar = URL(filePath: file.path + ".sha256")
        try Data("settled".utf8).write(to: file)
        let digest = Array(SHA256.hash(data: Data("settled".utf8)))
        // Just written: no sidecar yet (it could change again within the same clock tick).
        #expect(try FileDigests.sha256(of: file, sidecar: true, now: Date(), processMemo: false) == digest)
        #expect(!FileManager.default.fileExists(atPath: sidecar.path))
        // Left alone long enough: the digest is kept beside it.
        let later = Date().addingTimeInterval(FileDigests.sidecarMargin + 5)
        #expect(try FileDigests.sha256(of: file, sidecar: true, now: later, processMemo: false) == digest)
        let line = try String(contentsOf: sidecar, encoding: .utf8)
        #expect(line.hasPrefix("paddock-file-digest-1 ") && line.hasSuffix(digest.map { String(format: "%02x", $0) }.joined() + "\n"))
        // Another process reads the sidecar, not the file: a sidecar naming other bytes for this
        // very identity is believed (which shows the file was not read)…
        let forged = line.replacingOccurrences(of: digest.map { String(format: "%02x", $0) }.joined(), with: String(repeating: "ab", count: 32))
        try Data(forged.utf8).write(to: sidecar)
        #expect(try FileDigests.sha256(of: file, sidecar: true, now: later, processMemo: false) == [UInt8](repeating: 0xAB, count: 32))
        #expect(try FileDigests.sha256(of: file, sidecar: false, now: later, processMemo: false) == digest)
        // …and ignored as soon as the file changes (same size, written in place).
        usleep(5_000)
        try Data("changed".utf8).write(to: file)
        #expect(try FileDigests.sha256(of: file, sidecar: true, now: later, processMemo: false) == Array(SHA256.hash(data: Data("changed".utf8))))
        // A damaged sidecar is ignored too.
        try Data("paddock-file-digest-1 1 2 3\n".utf8).write(to: sidecar)
        #expect(try FileDigests.sha256(of: file, sidecar: true, now: Date(), processMemo: false) == Array(SHA256.hash(data: Data("changed".utf8))))
    }

    private func cacheWrite(_ text: String, to file: URL) throws {
        try CacheFile.write(Data(text.utf8), to: file)
    }
}
