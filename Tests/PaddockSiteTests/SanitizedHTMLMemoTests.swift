import Foundation
import Logging
import PaddockCatalogue
import PaddockDemo
import PaddockSandbox
import Testing
@testable import PaddockSite
@testable import PaddockHTML

/// The cache's memo of sanitised HorseTelex pedigrees.
@Suite struct SanitizedHTMLMemoTests {
    static func demoCatalogues() throws -> [Catalogue] {
        try DemoData.catalogues(languages: ["en", "de"], mediaBaseURL: TestSite.baseURL + "media/demo", includeHostile: true)
    }

    @Test func preparingAfterAFetchLeavesNothingForTheBuildToSanitise() throws {
        let config = TestSite.config()
        defer { try? FileManager.default.removeItem(at: config.root) }
        let catalogues = try Self.demoCatalogues()
        let pedigrees = Set(catalogues.flatMap(\.horses).filter(\.horsetelex).compactMap(\.horsetelexHTML).filter { !$0.isEmpty })
        #expect(pedigrees.count > 1)
        #expect(HorseTelexMemo.prepare(for: catalogues, config: config) == pedigrees.count)
        #expect(HorseTelexMemo.prepare(for: catalogues, config: config) == 0)   // all found the second time

        let memo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        for html in pedigrees {
            let remembered = memo.sanitized(html, by: { _ in SanitizedHTML(html: "not from the memo", hasHorseTelexLogo: false) })
            #expect(remembered == HorseTelexSanitizer.sanitize(html))
        }
        #expect(memo.misses == 0)
    }

    @Test func aMemoWrittenByAnotherBinaryOrDamagedIsIgnored() throws {
        let config = TestSite.config()
        defer { try? FileManager.default.removeItem(at: config.root) }
        let catalogues = try Self.demoCatalogues()
        HorseTelexMemo.prepare(for: catalogues, config: config)
        let data = try Data(contentsOf: HorseTelexMemo.file(config))
        #expect(SanitizedHTMLMemo.entries(in: data, version: SanitizedHTMLMemo.currentVersion)?.isEmpty == false)
        #expect(SanitizedHTMLMemo.entries(in: data, version: "binary|/other/paddock|1|2") == nil)
        // The same binary's memo of an earlier sanitiser output (pedigrees without their stylesheet colours).
        #expect(SanitizedHTMLMemo.entries(in: data, version: "sanitizer \(HorseTelexSanitizer.outputVersion - 1) \(BuildFingerprint.binaryStamp)") == nil)
        #expect(SanitizedHTMLMemo.entries(in: data, version: BuildFingerprint.binaryStamp) == nil)
        #expect(SanitizedHTMLMemo.entries(in: data.prefix(data.count - 3), version: SanitizedHTMLMemo.currentVersion) == nil)
        // A damaged file costs time, never a wrong page: everything is sanitised again.
        try data.prefix(data.count - 3).write(to: HorseTelexMemo.file(config))
        let memo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        let html = try #require(catalogues.flatMap(\.horses).first { $0.horsetelex }?.horsetelexHTML)
        #expect(memo.sanitized(html, by: HorseTelexSanitizer.sanitize) == HorseTelexSanitizer.sanitize(html))
        #expect(memo.misses == 1)
    }

    /// Which of `pedigrees` the saved memo holds (asked of a fresh memo that cannot sanitise).
    static func remembered(_ pedigrees: [String], in config: SiteConfig) -> Set<String> {
        let memo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        let missing = SanitizedHTML(html: "missing", hasHorseTelexLogo: false)
        return Set(pedigrees.filter { memo.sanitized($0, by: { _ in missing }) != missing })
    }

    @Test func savingKeepsOnlyTheUsedEntriesUnlessAskedToKeepTheRest() throws {
        let config = TestSite.config()
        defer { try? FileManager.default.removeItem(at: config.root) }
        let first = "<table><tr><td>First</td></tr></table>", second = "<table><tr><td>Second</td></tr></table>"
        let third = "<table><tr><td>Third</td></tr></table>"
        let seeded = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        _ = seeded.sanitized(first, by: HorseTelexSanitizer.sanitize)
        _ = seeded.sanitized(second, by: HorseTelexSanitizer.sanitize)
        seeded.save()
        #expect(Self.remembered([first, second, third], in: config) == [first, second])

        // Keeping the unused: `second` stays although only `first` and the new `third` were asked for.
        let kept = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        _ = kept.sanitized(first, by: HorseTelexSanitizer.sanitize)
        _ = kept.sanitized(third, by: HorseTelexSanitizer.sanitize)
        kept.save(keepingUnused: true)
        #expect(Self.remembered([first, second, third], in: config) == [first, second, third])

        // A plain save keeps only what this build used.
        let pruned = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        _ = pruned.sanitized(third, by: HorseTelexSanitizer.sanitize)
        #expect(pruned.misses == 0)
        pruned.save()
        #expect(Self.remembered([first, second, third], in: config) == [third])
    }

    /// A build without credentials builds the demo data; the memo of the site's fetched catalogue
    /// must survive it, or the next real build sanitises every pedigree again.
    @Test func aBuildOfDemoDataKeepsTheMemoOfTheFetchedCatalogue() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        let fetched = TestSite.catalogues()
        let fetchedPedigrees = Set(fetched.flatMap(\.horses).filter(\.horsetelex).compactMap(\.horsetelexHTML).filter { !$0.isEmpty })
        #expect(!fetchedPedigrees.isEmpty)
        #expect(HorseTelexMemo.prepare(for: fetched, config: config) == fetchedPedigrees.count)

        let logger = Logger(label: "test.memo", factory: { _ in SwiftLogNoOpLogHandler() })
        let report = try await SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: logger)
            .buildHoldingLock(refetch: false, wait: true)
        #expect(report.origin == "bundled demo data")

        let demoPedigrees = Set(try await DemoCatalogueProvider(config: config).catalogues(refetch: false).catalogues
            .flatMap(\.horses).filter(\.horsetelex).compactMap(\.horsetelexHTML).filter { !$0.isEmpty })
        #expect(fetchedPedigrees.isDisjoint(with: demoPedigrees) && !demoPedigrees.isEmpty)
        let all = fetchedPedigrees.union(demoPedigrees)
        let forgotten = all.subtracting(Self.remembered(Array(all), in: config))
        #expect(forgotten.isEmpty, "the memo lost \(forgotten.count) of \(all.count) pedigrees")
        #expect(HorseTelexMemo.prepare(for: fetched, config: config) == 0)
    }
}
