import Foundation
import PaddockCatalogue
import PaddockSandbox
import Testing
@testable import PaddockSite

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

        let memo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: BuildFingerprint.binaryStamp)
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
        #expect(SanitizedHTMLMemo.entries(in: data, version: BuildFingerprint.binaryStamp)?.isEmpty == false)
        #expect(SanitizedHTMLMemo.entries(in: data, version: "binary|/other/paddock|1|2") == nil)
        #expect(SanitizedHTMLMemo.entries(in: data.prefix(data.count - 3), version: BuildFingerprint.binaryStamp) == nil)
        // A damaged file costs time, never a wrong page: everything is sanitised again.
        try data.prefix(data.count - 3).write(to: HorseTelexMemo.file(config))
        let memo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: BuildFingerprint.binaryStamp)
        let html = try #require(catalogues.flatMap(\.horses).first { $0.horsetelex }?.horsetelexHTML)
        #expect(memo.sanitized(html, by: HorseTelexSanitizer.sanitize) == HorseTelexSanitizer.sanitize(html))
        #expect(memo.misses == 1)
    }
}
