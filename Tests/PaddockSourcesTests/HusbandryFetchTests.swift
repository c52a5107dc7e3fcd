import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// Husbandry v1 (user keys) and v2 (OAuth) animals for sale, paged to the last page.
@Suite struct HusbandryFetchTests {
    @Test func v1WithSeveralUserKeysListsEveryBreeder() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v1)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let animals = report.catalogues[0].animals
            let expected = try SourcesTest.expected(sandbox)[0].animals
            #expect(Set(animals.map(\.id)) == Set(expected.map(\.id)))
            #expect(Set(animals.compactMap(\.breeder)) == Set(expected.compactMap(\.breeder)))
            #expect(Set(animals.compactMap(\.breeder)).count >= 2, "animals of several breeders")
            for animal in animals {
                let want = try #require(expected.first { $0.id == animal.id })
                // Without `sale_info` (a documented variant) the price is on request.
                #expect(animal.price == nil || animal.price == want.price, "price of \(animal.id)")
                #expect(animal.sireGenetics == want.sireGenetics)
                #expect(animal.species.commonName == want.species.commonName)
                #expect(animal.dateOfBirth == want.dateOfBirth)
            }
            #expect(animals.filter { $0.price != nil }.count >= animals.count / 2)
            let query = await sandbox.requestLog.requests(to: .husbandryV1).first?.query ?? ""
            #expect(query.contains("is_for_sale=1"))
        }
    }

    @Test func v1WithOneUserKeyListsThatBreederOnly() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v1)
            let keys = [sandbox.husbandryUserKeys[1]]
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, userKeys: keys)).fetch(mode: .network)
            let breeders = Set(report.catalogues[0].animals.compactMap(\.breeder))
            #expect(breeders.count == 1)
            #expect(!report.catalogues[0].animals.isEmpty)
        }
    }

    @Test(arguments: [HusbandrySourceConfiguration.Version.v1, .v2])
    func pagesThroughToTheLastPage(version: HusbandrySourceConfiguration.Version) async throws {
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false,
                                                   husbandry: version, pageSize: 3)
            let token = await sandbox.mintRefreshToken()
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, refreshToken: token)).fetch(mode: .network)
            let animals = report.catalogues[0].animals
            #expect(animals.count == Set(animals.map(\.id)).count)
            let pages = await sandbox.requestLog.requests(pathContaining: "/api.php/animals").map(\.query)
            let expectedPages = (animals.count + 2) / 3
            #expect(expectedPages >= 2, "the demo data spans several pages of 3")
            #expect(pages.count == expectedPages)
            for page in 1...expectedPages { #expect(pages.contains { $0.contains("page=\(page)") }) }
            if version == .v1 {
                #expect(Set(animals.map(\.id)) == Set(try SourcesTest.expected(sandbox)[0].animals.map(\.id)))
            }
        }
    }

    @Test func pagesOfAHundredFetchedConcurrentlyAddUpToTheWholeSet() async throws {
        var options = SandboxOptions()
        options.animalCount = 450
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v1)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let expected = try DemoData.catalogues(mediaBaseURL: sandbox.mediaBaseURL, animalCount: 450)[0].animals
            let ids = report.catalogues[0].animals.map(\.id)
            #expect(ids.count == expected.count, "every animal once")
            #expect(Set(ids) == Set(expected.map(\.id)))
            #expect(await sandbox.requestLog.requests(to: .husbandryV1).count == (expected.count + 99) / 100)
        }
    }

    @Test func sendsTheAnimalTypeAndStatusFilters() async throws {
        try await SourcesTest.withSandbox { sandbox in
            var config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v1)
            config.husbandry?.animalTypes = ["Ball Python"]
            config.husbandry?.statuses = ["active"]
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let animals = report.catalogues[0].animals
            #expect(!animals.isEmpty)
            #expect(animals.allSatisfy { $0.species.commonName == "Ball Python" && $0.status == "active" })
            let query = await sandbox.requestLog.requests(to: .husbandryV1).first?.query ?? ""
            #expect(query.contains("animal_type=Ball%20Python"))
            #expect(query.contains("status=active"))
        }
    }

    @Test func pageCountReadsTotalAndLimit() {
        let client = HusbandryClient(configuration: HusbandrySourceConfiguration(pageSize: 10), access: .userKeys([]),
                                     store: ResponseStore(mode: .offline, transport: nil, cache: ResponseCache(folder: URL(filePath: "/nonexistent")), logger: SourcesTest.logger))
        #expect(client.pageCount(first: SaleAnimalPage(limit: 10, total: 111)) == 12)
        #expect(client.pageCount(first: SaleAnimalPage(limit: nil, total: 10)) == 1)
        #expect(client.pageCount(first: SaleAnimalPage(limit: 10, total: 0)) == 1)
        #expect(client.pageCount(first: SaleAnimalPage(total: nil)) == nil)
    }
}
